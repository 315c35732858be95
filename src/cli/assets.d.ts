// Text files the command's bundle embeds (esbuild's `text` loader).
declare module '*.yml' {
  const text: string;
  export default text;
}
