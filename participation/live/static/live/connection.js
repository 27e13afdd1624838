// The websocket: reconnecting with back-off, resuming after the last sequence number seen, sends
// kept until acknowledged. Protocol: docs/live.md.

import { $, clearError, errorBoxFor, root, showError, strings } from "./common.js";
// The projection page says so (screen=1): seen by the room, it gets the results the public sees.

let socket = null;
let backoff = 500;
let refCounter = 0;
// The page's history goes up to this event; the socket resumes after it, then after the last one applied.
let lastSeq = Number(root.dataset.lastSeq || 0);
// What to do with the answer to each frame sent: ref -> {box, onAck, onError}.
const waiting = new Map();
// Messages and questions sent and not yet acknowledged, by their key: sent again with the same key
// after a reconnection, and saved once by the server whether or not the first one got through.
const unacked = new Map();

export function setConnection(text, online) {
  const el = $("live-connection");
  el.textContent = text;
  el.classList.toggle("live-offline", !online);
  root.classList.toggle("is-offline", !online);
}

// ``near``: the element the action comes from, whose panel shows a refusal.
export function send(payload, { near = null, onAck = null, onError = null } = {}) {
  const box = errorBoxFor(near);
  if (!socket || socket.readyState !== WebSocket.OPEN) {
    showError(box, strings.offline);
    return null;
  }
  const ref = `r${++refCounter}`;
  waiting.set(ref, { box, onAck, onError });
  socket.send(JSON.stringify({ ...payload, ref }));
  return ref;
}

// A UUID (version 4); crypto.randomUUID exists only on https pages and localhost.
function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// A message or question: the input is emptied at once, so that the next one can be typed while this
// one travels; kept until the server saved it, and sent again after a reconnection.
export function sendOnce(payload, form) {
  const key = newKey();
  unacked.set(key, { payload: { ...payload, client_id: key }, form });
  form.elements.body.value = "";
  transmit(key);
}

function transmit(key) {
  const entry = unacked.get(key);
  if (!entry) return;
  send(entry.payload, {
    near: entry.form,
    onAck: () => unacked.delete(key),
    // A refused send is not sent again: its text comes back to its input (unless something else
    // was typed since), to be changed or sent anew.
    onError: () => {
      unacked.delete(key);
      const input = entry.form.elements.body;
      if (!input.value.trim()) input.value = entry.payload.body;
    },
  });
}

// The answer to a frame this page sent: an ack clears its panel's error, an error shows there.
export function answered(frame) {
  const entry = waiting.get(frame.ref);
  waiting.delete(frame.ref);
  if (frame.type === "ack") {
    if (entry) {
      clearError(entry.box);
      entry.onAck?.(frame);
    }
    return;
  }
  showError(entry ? entry.box : $("live-error"), frame.detail, frame.code);
  entry?.onError?.(frame);
}

// Events: the server sends each once and in order, the replay before any live one; one already
// applied (seq at most the last one) is dropped.
export function isNew(frame) {
  if (typeof frame.seq !== "number" || frame.seq <= lastSeq) return false;
  lastSeq = frame.seq;
  return true;
}

// Everything up to last_seq has come; sends that were cut go again, with their keys.
export function resumed(frame) {
  lastSeq = frame.last_seq;
  for (const key of unacked.keys()) transmit(key);
}

export function connected() {
  backoff = 500;
}

export function connect(onFrame) {
  setConnection(strings.connecting, false);
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  socket = new WebSocket(`${scheme}://${location.host}/ws/live/${root.dataset.slug}/?after=${lastSeq}${root.dataset.mode === "projection" ? "&screen=1" : ""}`);
  socket.addEventListener("message", (event) => onFrame(JSON.parse(event.data)));
  socket.addEventListener("close", (event) => {
    socket = null;
    // Frames without an answer get none now; their sends (unacked) go again after the resume.
    waiting.clear();
    if (event.code === 4403 || event.code === 4404) {
      setConnection(strings.forbidden, false);
      return;
    }
    setConnection(strings.offline, false);
    const delay = backoff + Math.random() * backoff;
    backoff = Math.min(backoff * 2, 30000);
    setTimeout(() => connect(onFrame), delay);
  });
}
