// Lowers the built JavaScript to the browsers in package.json's `browserslist`, and no further:
// only what some browser of that list lacks is rewritten (class static blocks, before Chrome 94
// and Safari 16.4), so `#private` fields and methods, which the whole list supports, stay native.
export default {
  presets: [['@babel/preset-env', { bugfixes: true, modules: false }]],
};
