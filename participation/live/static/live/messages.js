// The discussion: messages as they come, and what each person may do with one.

import { $, me, root, strings, timeOf, you } from "./common.js";
import { send } from "./connection.js";
import { actionsMenu } from "./menu.js";
import { noteActivity } from "./tabs.js";

export function messageItem(message) {
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

export function upsertMessage(message) {
  let li = $(`message-${message.id}`);
  const mine = me !== null && message.author && message.author.id === me;
  const shown = message.status === "visible" || (message.status === "pending" && (you.can_facilitate || mine));
  if (!shown) {
    li?.remove();
    return;
  }
  const pending = $("live-pending");
  const target = message.status === "pending" && you.can_facilitate && pending ? pending : $("live-messages");
  if (!target) return;
  const isNew = !li;
  if (isNew) li = messageItem(message);
  if (li.parentElement !== target) target.append(li);
  updateMessage(li, message);
  if (isNew && target.id === "live-messages") noteActivity("live-discussion");
}

// Participants report what they read to the moderators; facilitators act on it themselves.
export function reportLink(li, template) {
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

export function decorateMessage(li) {
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
  const near = { near: li };
  const entries = [];
  if (you.can_facilitate && li.dataset.status === "pending") {
    entries.push([strings.approve, () => send({ type: "message.approve", message: id }, near)]);
  }
  if (you.can_facilitate && li.dataset.authorId && Number(li.dataset.authorId) !== me) {
    const user = Number(li.dataset.authorId);
    entries.push([strings.mute, () => send({ type: "user.mute", user, minutes: 10 }, near)]);
    entries.push([strings.ban, () => send({ type: "user.ban", user, minutes: 60 }, near)]);
  }
  actions.append(actionsMenu(li, entries, { type: "message.hide", message: id }));
  li.append(actions);
}
