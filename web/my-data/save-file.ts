// Saves text as a download: a Blob behind an object URL on a temporary <a download>, which every
// browser (and the PWA when installed) offers as a file without a round trip to a server.
// Owns: that one DOM trick. Must not import: Dexie.
export function saveTextFile(file: { text: string; fileName: string; type: string }): void {
  const blob = new Blob([file.text], { type: `${file.type};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
