// What every module of the live room shares: the page's element, its sentences, who is looking, helpers.

export const root = document.getElementById("live-room");
export const strings = JSON.parse(document.getElementById("live-i18n").textContent);
export const mode = root.dataset.mode;
export const me = root.dataset.userId ? Number(root.dataset.userId) : null;
// The person's rights, as the page was rendered; replaced by the hello frame's on each connection.
export const you = {
  can_write: root.dataset.canWrite === "true",
  can_vote: root.dataset.canVote === "true",
  can_facilitate: root.dataset.canFacilitate === "true",
  can_hide: root.dataset.canHide === "true",
};

export const $ = (id) => document.getElementById(id);
export const fill = (text, values) => text.replace(/%\((\w+)\)s/g, (_, key) => values[key]);
// Times in the site's time zone, as the server renders them, whatever the browser's.
export const timeOf = (iso) =>
  new Date(iso).toLocaleTimeString(document.documentElement.lang || "fr", {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: root.dataset.timeZone || undefined,
  });

export function button(label, onClick, secondary = true) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  if (secondary) b.className = "button-secondary";
  b.addEventListener("click", onClick);
  return b;
}

// Errors show next to what they are about: the error box of the panel (or console) holding the
// element, right under its list and above its input; role="alert" announces them. Errors about the
// connection itself go to the box at the top.
export function errorBoxFor(element) {
  return element?.closest?.(".live-panel, .live-console, .live-poll")?.querySelector(".live-form-error") || $("live-error");
}

export function showError(box, detail, code = null) {
  if (!box) return;
  box.textContent = detail;
  box.hidden = false;
  box.dataset.code = code || "";
}

export function clearError(box) {
  if (!box) return;
  box.hidden = true;
  box.textContent = "";
  box.dataset.code = "";
}
