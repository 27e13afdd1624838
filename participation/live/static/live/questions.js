// Questions: sorted by votes, upvoted once per person, « Soutenue » once the person has upvoted,
// as the server knows it (the page, the hello frame, the question.voted events).

import { $, button, fill, me, root, strings, you } from "./common.js";
import { send } from "./connection.js";
import { actionsMenu } from "./menu.js";
import { messageItem, reportLink } from "./messages.js";
import { noteActivity } from "./tabs.js";

const voted = new Set([...document.querySelectorAll("#live-questions > li[data-voted=true]")].map((li) => Number(li.dataset.id)));

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

export function markVoted(ids) {
  for (const id of ids) {
    voted.add(id);
    const li = $(`question-${id}`);
    if (li) decorateQuestion(li);
  }
}

export function upsertQuestion(question, actor = null) {
  let li = $(`question-${question.id}`);
  const list = $("live-questions");
  if (question.status !== "visible" && !(question.status === "pending" && you.can_facilitate)) {
    li?.remove();
    return;
  }
  if (!list) return;
  // The person's own upvote, from this page or another of theirs.
  if (actor && me !== null && actor.id === me) voted.add(question.id);
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
  if (isNew) {
    list.append(li);
    noteActivity("live-questions-panel");
  }
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

function voteButton(li, id) {
  if (voted.has(id)) {
    const done = button(strings.voted, () => {}, false);
    done.disabled = true;
    done.setAttribute("aria-describedby", li.id);
    return done;
  }
  const vote = button(strings.vote, () => {
    vote.disabled = true;
    send(
      { type: "question.vote", question: id },
      {
        near: li,
        onAck: () => markVoted([id]),
        // Already upvoted (from another page): that is « Soutenue » too; refused otherwise, it may be tried again.
        onError: (frame) => (frame.code === "already_voted" ? markVoted([id]) : (vote.disabled = false)),
      },
    );
  }, false);
  vote.setAttribute("aria-describedby", li.id);
  return vote;
}

export function decorateQuestion(li) {
  li.querySelector(".live-actions")?.remove();
  const id = Number(li.dataset.id);
  const actions = document.createElement("p");
  actions.className = "live-actions";
  const near = { near: li };
  if (you.can_vote && li.dataset.answered !== "true") actions.append(voteButton(li, id));
  const entries = [];
  if (you.can_facilitate) {
    if (li.dataset.answered !== "true") entries.push([strings.answer, () => send({ type: "question.answer", question: id }, near)]);
    entries.push([strings.pin, () => send({ type: "question.pin", question: id }, near)]);
    entries.push([strings.project, () => send({ type: "question.project", question: id }, near)]);
  }
  if (you.can_hide) actions.append(actionsMenu(li, entries, { type: "question.hide", question: id }));
  const report = reportLink(li, root.dataset.reportQuestion);
  if (report) actions.append(" ", report);
  if (actions.childNodes.length) li.append(actions);
}
