/** A one-line progress bar on a terminal; silent when the stream is not a TTY. */
export function progressBar(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  label: string,
): { update(fraction: number): void; done(): void } {
  if (!stream.isTTY) return { update() {}, done() {} };
  let shown = -1;
  return {
    update(fraction) {
      const percent = Math.min(100, Math.floor(fraction * 100));
      if (percent === shown) return;
      shown = percent;
      const width = 30;
      const filled = Math.round((percent / 100) * width);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(percent).padStart(3)}%`);
    },
    done() {
      if (shown >= 0) stream.write('\r\u001b[2K');
    },
  };
}
