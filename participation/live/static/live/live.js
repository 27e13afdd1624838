// The live room: one websocket, reconnecting with back-off, resuming after the last sequence number seen.
// Protocol: docs/live.md. The page already shows the history; this module keeps it up to date.

const root = document.getElementById("live-room");
const strings = JSON.parse(document.getElementById("live-i18n").textContent);
const mode = root.dataset.mode;
const me = root.dataset.userId ? Number(root.dataset.userId) : null;
let you = {
  can_write: root.dataset.canWrite === "true",
  can_vote: root.dataset.canVote === "true",
  can_facilitate: root.dataset.canFacilitate === "true",
  can_hide: root.dataset.canHide === "true",
};
// The page's history goes up to this event; the socket resumes after it, then after the last one applied.
let lastSeq = Number(root.dataset.lastSeq || 0);
let socket = null;
let backoff = 500;
let refCounter = 0;
let errorCode = null;
// Messages and questions sent and not yet acknowledged, by their key: sent again with the same key
// after a reconnection, and saved once by the server whether or not the first one got through.
const unacked = new Map();
const voted = new Set();

const $ = (id) => document.getElementById(id);
const fill = (text, values) => text.replace(/%\((\w+)\)s/g, (_, key) => values[key]);
// Times in the site's time zone, as the server renders them, whatever the browser's.
const timeOf = (iso) =>
  new Date(iso).toLocaleTimeString(document.documentElement.lang || "fr", {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: root.dataset.timeZone || undefined,
  });

function setConnection(text, online) {
  const el = $("live-connection");
  el.textContent = text;
  el.classList.toggle("live-offline", !online);
  root.classList.toggle("is-offline", !online);
}

function showError(detail, code = null) {
  const el = $("live-error");
  if (!el) return;
  el.textContent = detail;
  el.hidden = false;
  errorCode = code;
}

function clearError() {
  const el = $("live-error");
  if (el) el.hidden = true;
  errorCode = null;
}

function send(payload) {
  if (!socket || socket.readyState !== WebSocket.OPEN) {
    showError(strings.offline);
    return null;
  }
  const ref = `r${++refCounter}`;
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

function sendOnce(payload, form) {
  const key = newKey();
  unacked.set(key, { payload: { ...payload, client_id: key }, form, ref: null });
  transmit(key);
}

function transmit(key) {
  const entry = unacked.get(key);
  if (entry) entry.ref = send(entry.payload);
}

function acknowledged(frame) {
  const entry = frame.client_id && unacked.get(frame.client_id);
  if (!entry) return;
  unacked.delete(frame.client_id);
  entry.form.reset();
}

// A refused send is not sent again: the text stays in its form, to be changed or sent anew.
function refused(frame) {
  for (const [key, entry] of unacked) {
    if (frame.ref && entry.ref === frame.ref) unacked.delete(key);
  }
}

function button(label, onClick, secondary = true) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  if (secondary) b.className = "button-secondary";
  b.addEventListener("click", onClick);
  return b;
}

// Messages

function messageItem(message) {
  const li = document.createElement("li");
  li.className = "live-item";
  li.id = `message-${message.id}`;
  li.dataset.id = message.id;
  li.dataset.authorId = message.author ? message.author.id : "";
  li.dataset.authorName = message.author ? message.author.name : "";
  const meta = document.createElement("p");
  meta.className = "live-meta";
  const author = document.createElement("strong");
  author.className = "live-author";
  author.textContent = li.dataset.authorName;
  const time = document.createElement("time");
  time.dateTime = message.created_at;
  time.textContent = timeOf(message.created_at);
  meta.append(author, " ", time);
  const body = document.createElement("div");
  body.className = "live-body";
  li.append(meta, body);
  return li;
}

function updateMessage(li, message) {
  li.dataset.status = message.status;
  // The server renders Markdown and sanitises it (nh3): no user HTML reaches the page.
  li.querySelector(".live-body").innerHTML = message.html;
  const meta = li.querySelector(".live-meta");
  meta.querySelector(".tag")?.remove();
  if (message.status === "pending") {
    const tag = document.createElement("span");
    tag.className = "tag";
    tag.textContent = strings.pending;
    meta.append(" ", tag);
  }
  decorateMessage(li);
}

function upsertMessage(message) {
  let li = $(`message-${message.id}`);
  const mine = me !== null && message.author && message.author.id === me;
  const shown = message.status === "visible" || (message.status === "pending" && (you.can_facilitate || mine));
  if (!shown) {
    li?.remove();
    return;
  }
  const target = message.status === "pending" && you.can_facilitate && $("live-pending") ? $("live-pending") : $("live-messages");
  if (!target) return;
  if (!li) li = messageItem(message);
  if (li.parentElement !== target) target.append(li);
  updateMessage(li, message);
}

// Participants report what they read to the moderators; facilitators act on it themselves.
function reportLink(li, template) {
  const visible = li.dataset.status === "visible";
  const others = me !== null && Number(li.dataset.authorId) !== me;
  if (!template || !visible || !others || you.can_hide || you.can_facilitate) return null;
  const link = document.createElement("a");
  link.href = template.replace(/0\/$/, `${li.dataset.id}/`);
  link.rel = "nofollow";
  link.textContent = strings.report;
  link.setAttribute("aria-describedby", li.id);
  return link;
}

function decorateMessage(li) {
  li.querySelector(".live-actions")?.remove();
  const actions = document.createElement("p");
  actions.className = "live-actions";
  const report = reportLink(li, root.dataset.reportMessage);
  if (report) {
    actions.append(report);
    li.append(actions);
  }
  if (!you.can_hide && !you.can_facilitate) return;
  const id = Number(li.dataset.id);
  const name = li.dataset.authorName;
  if (you.can_facilitate && li.dataset.status === "pending") {
    actions.append(button(strings.approve, () => send({ type: "message.approve", message: id }), false), " ");
  }
  actions.append(button(`${strings.hide} (${name})`, () => send({ type: "message.hide", message: id })));
  if (you.can_facilitate && li.dataset.authorId && Number(li.dataset.authorId) !== me) {
    const user = Number(li.dataset.authorId);
    actions.append(" ", button(`${strings.mute} (${name})`, () => send({ type: "user.mute", user, minutes: 10 })));
    actions.append(" ", button(`${strings.ban} (${name})`, () => send({ type: "user.ban", user, minutes: 60 })));
  }
  li.append(actions);
}

// Questions

function votesText(count) {
  return count === 1 ? strings.votes_one : fill(strings.votes_many, { count });
}

function questionItem(question) {
  const li = messageItem(question);
  li.id = `question-${question.id}`;
  const votes = document.createElement("span");
  votes.className = "live-votes";
  li.querySelector(".live-meta").append(" ", votes);
  return li;
}

function upsertQuestion(question) {
  let li = $(`question-${question.id}`);
  const list = $("live-questions");
  if (question.status !== "visible" && !(question.status === "pending" && you.can_facilitate)) {
    li?.remove();
    return;
  }
  if (!list) return;
  const isNew = !li;
  if (isNew) li = questionItem(question);
  li.dataset.votes = question.votes;
  li.dataset.answered = String(question.answered);
  li.dataset.status = question.status;
  li.querySelector(".live-body").innerHTML = question.html;
  li.querySelector(".live-votes").textContent = votesText(question.votes);
  const meta = li.querySelector(".live-meta");
  if (question.answered && !meta.querySelector(".live-answered")) {
    const tag = document.createElement("span");
    tag.className = "tag live-answered";
    tag.textContent = strings.answered;
    meta.append(" ", tag);
  }
  decorateQuestion(li);
  if (isNew) list.append(li);
  sortQuestions();
}

function sortQuestions() {
  const list = $("live-questions");
  if (!list) return;
  const items = [...list.children];
  const key = (li) => [li.dataset.answered === "true" ? 1 : 0, -Number(li.dataset.votes), Number(li.dataset.id)];
  const sorted = [...items].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2];
  });
  // Move only what changed place, so that keyboard focus stays where it is.
  sorted.forEach((li, index) => {
    if (list.children[index] !== li) list.insertBefore(li, list.children[index]);
  });
}

function decorateQuestion(li) {
  li.querySelector(".live-actions")?.remove();
  const id = Number(li.dataset.id);
  const actions = document.createElement("p");
  actions.className = "live-actions";
  if (you.can_vote && li.dataset.answered !== "true") {
    const mine = voted.has(id);
    const vote = button(mine ? strings.voted : strings.vote, () => {
      voted.add(id);
      send({ type: "question.vote", question: id });
      vote.disabled = true;
      vote.textContent = strings.voted;
    }, false);
    vote.disabled = mine;
    vote.setAttribute("aria-describedby", li.id);
    actions.append(vote);
  }
  if (you.can_facilitate) {
    if (li.dataset.answered !== "true") actions.append(" ", button(strings.answer, () => send({ type: "question.answer", question: id })));
    actions.append(" ", button(strings.pin, () => send({ type: "question.pin", question: id })));
    actions.append(" ", button(strings.project, () => send({ type: "question.project", question: id })));
  }
  if (you.can_hide) actions.append(" ", button(strings.hide, () => send({ type: "question.hide", question: id })));
  const report = reportLink(li, root.dataset.reportQuestion);
  if (report) actions.append(" ", report);
  if (actions.childNodes.length) li.append(actions);
}

// Room

function applyRoom(room) {
  const state = $("live-state");
  if (state) state.textContent = room.is_open ? strings.open : strings.closed;
  const slow = $("live-slow");
  if (slow) {
    slow.hidden = !room.slow_mode_seconds;
    slow.textContent = fill(strings.slow, { count: room.slow_mode_seconds });
  }
  const premoderated = $("live-premoderated");
  if (premoderated) premoderated.checked = room.premoderated;
  for (const form of document.querySelectorAll(".live-form")) {
    for (const control of form.elements) control.disabled = !room.is_open;
  }
}

function setFeatured(where, question) {
  if (where === "pinned") {
    const box = $("live-pinned");
    if (!box) return;
    box.hidden = !question;
    $("live-pinned-body").textContent = question ? question.body : "";
  } else if (mode === "projection") {
    $("live-projected-body").textContent = question ? question.body : strings.no_projection;
    $("live-projected-author").textContent = question && question.author ? question.author.name : "";
  }
}

function log(frame) {
  const list = $("live-log");
  if (!list || !frame.actor) return;
  const li = document.createElement("li");
  const action = strings.kinds[frame.type] || frame.type;
  li.textContent = `${timeOf(frame.at)} — ${fill(strings.log_by, { action, name: frame.actor.name })}`;
  list.prepend(li);
}

function apply(frame) {
  const data = frame.data || {};
  if (frame.type.startsWith("message.")) upsertMessage(data.message);
  else if (frame.type === "question.pinned") setFeatured("pinned", data.question);
  else if (frame.type === "question.projected") setFeatured("projected", data.question);
  else if (frame.type.startsWith("question.")) upsertQuestion(data.question);
  else if (frame.type === "room.updated") applyRoom(data.room);
  else if (frame.type === "user.sanctioned") {
    const s = data.sanction;
    const until = timeOf(s.until);
    if (me !== null && s.user.id === me) {
      showError(fill(s.kind === "ban" ? strings.you_banned : strings.you_muted, { until }));
    }
  }
  if (!["message.created", "question.created", "question.voted"].includes(frame.type)) log(frame);
}

function handle(frame) {
  switch (frame.type) {
    case "hello":
      // Online once the room greets: a socket accepted only to say it is unavailable is not.
      backoff = 500;
      setConnection(strings.online, true);
      if (errorCode === "unavailable" || errorCode === "too_many") clearError();
      you = frame.you;
      applyRoom(frame.room);
      setPresence(frame.presence);
      document.querySelectorAll("#live-messages > li, #live-pending > li").forEach(decorateMessage);
      document.querySelectorAll("#live-questions > li").forEach(decorateQuestion);
      return;
    case "presence":
      setPresence(frame.count);
      return;
    case "error": {
      refused(frame);
      showError(frame.detail, frame.code);
      return;
    }
    case "ack": {
      clearError();
      acknowledged(frame);
      return;
    }
    case "batch":
      // Several frames at once, when this client fell behind: the same as one after the other.
      frame.frames.forEach(handle);
      return;
    case "resumed":
      // Everything up to last_seq has come; sends that were cut go again, with their keys.
      lastSeq = frame.last_seq;
      for (const key of unacked.keys()) transmit(key);
      return;
    case "pong":
      return;
    default:
      // Live and replayed events: the server sends each once and in order, the replay before any
      // live one (numbers this person may not see are left out); one already applied is dropped.
      if (typeof frame.seq !== "number" || frame.seq <= lastSeq) return;
      lastSeq = frame.seq;
      apply(frame);
  }
}

function setPresence(count) {
  const el = $("live-presence");
  if (el) el.textContent = count === 1 ? strings.presence_one : fill(strings.presence_many, { count });
}

function connect() {
  setConnection(strings.connecting, false);
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  socket = new WebSocket(`${scheme}://${location.host}/ws/live/${root.dataset.slug}/?after=${lastSeq}`);
  socket.addEventListener("message", (event) => handle(JSON.parse(event.data)));
  socket.addEventListener("close", (event) => {
    socket = null;
    if (event.code === 4403 || event.code === 4404) {
      setConnection(strings.forbidden, false);
      return;
    }
    setConnection(strings.offline, false);
    const delay = backoff + Math.random() * backoff;
    backoff = Math.min(backoff * 2, 30000);
    setTimeout(connect, delay);
  });
}

for (const form of document.querySelectorAll(".live-form")) {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const body = form.elements.body.value.trim();
    if (!body) return;
    sendOnce({ type: form.dataset.action, body }, form);
  });
  // Enter sends, Shift+Enter goes to a new line.
  form.elements.body.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
}

document.querySelectorAll("[data-room-state]").forEach((b) =>
  b.addEventListener("click", () => send({ type: "room.update", state: b.dataset.roomState })),
);
$("live-slow-form")?.addEventListener("submit", (event) => {
  event.preventDefault();
  send({ type: "room.update", slow_mode_seconds: Number($("live-slow-seconds").value || 0) });
});
$("live-premoderated")?.addEventListener("change", (event) =>
  send({ type: "room.update", premoderated: event.target.checked }),
);

connect();
