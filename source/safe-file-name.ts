/** A source id as one file name: no path separators, no parent references, no controls. */
export function safeFileName(id: string): string {
  const clean = id.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').replace(/^\.+/, '_');
  return clean === '' ? '_' : clean.slice(0, 200);
}
