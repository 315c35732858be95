/**
 * Resolves in a new task (a message to a channel of its own): after the browser has had a chance
 * to handle input and render, without the clamping and background throttling of `setTimeout`.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(0);
  });
}
