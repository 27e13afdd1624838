// The room's current poll: its question, the answer form, the results (bars with numbers as text,
// or a word cloud as a list with counts and font steps). Protocol: docs/live.md (poll.* frames).

import { $, fill, mode, strings, you } from "./common.js";
import { send } from "./connection.js";

let current = null; // the poll shown: {id, kind, question, state, results_hidden, revealed, options}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function totalText(total) {
  return total === 1 ? strings.poll_answers_one : fill(strings.poll_answers_many, { count: total });
}

export function renderResults(results, total = null) {
  const box = $("live-poll-results");
  if (!box) return;
  box.replaceChildren();
  if (!results) {
    // Hidden until a facilitator reveals them: how many answered, not what.
    if (total !== null) box.append(el("p", "live-poll-total", totalText(total)));
    box.append(el("p", "live-note", strings.poll_hidden));
    return;
  }
  let head = totalText(results.total);
  if (results.mean !== undefined && results.mean !== null) {
    head += ` · ${fill(strings.poll_mean, { mean: results.mean.toLocaleString("fr") })}`;
  }
  box.append(el("p", "live-poll-total", head));
  if (results.words) {
    const list = el("ul", "live-cloud");
    for (const word of results.words) {
      list.append(el("li", `live-word live-word-${word.size}`, fill(strings.poll_word, word)));
    }
    box.append(list);
    return;
  }
  const list = el("ol", "live-bars");
  for (const choice of results.choices) {
    const item = el("li");
    const bar = el("progress");
    bar.max = 100;
    bar.value = choice.percent;
    bar.setAttribute("aria-hidden", "true");
    item.append(el("span", "live-bar-label", choice.label), bar,
      el("span", "live-bar-count", fill(strings.poll_count, choice).replace("%%", "%")));
    list.append(item);
  }
  box.append(list);
}

function choiceInput(type, name, value, label, checked) {
  const wrap = el("label");
  const input = el("input");
  input.type = type;
  input.name = name;
  input.value = value;
  input.checked = checked;
  wrap.append(input, ` ${label}`);
  return wrap;
}

// The answer form, fitted to the poll (the server renders it for the poll current at page load).
function renderForm(poll, answer) {
  const form = $("live-poll-form");
  if (!form) return;
  form.elements.poll.value = poll.id;
  const words = poll.kind === "words";
  $("live-poll-words").hidden = !words;
  $("live-poll-text").disabled = !words;
  $("live-poll-text").value = answer?.text || "";
  const fieldset = $("live-poll-choices");
  fieldset.hidden = fieldset.disabled = words;
  $("live-poll-legend").textContent = strings.poll_legends[poll.kind];
  const box = fieldset.querySelector(".live-choices");
  box.replaceChildren();
  box.classList.toggle("live-scale", poll.kind === "scale");
  form.querySelector("button[type=submit]").textContent = answer ? strings.poll_change : strings.poll_answer;
  $("live-poll-saved").hidden = !answer;
  if (words) return;
  const values = poll.kind === "scale" ? ["1", "2", "3", "4", "5"].map((v) => ({ id: v, label: v })) : poll.options;
  for (const option of values) {
    const chosen = Boolean(answer) && (poll.kind === "scale" ? String(answer.scale) === String(option.id) : answer.options.includes(option.id));
    const input = choiceInput(poll.kind === "multiple" ? "checkbox" : "radio", poll.kind === "scale" ? "scale" : "options",
      option.id, option.label, chosen);
    if (poll.kind !== "multiple") input.querySelector("input").required = true;
    box.append(input);
  }
}

export function showPoll(poll, answer = undefined) {
  const section = $("live-poll");
  if (!section || !poll) return;
  const changed = !current || current.id !== poll.id;
  current = poll;
  section.hidden = false;
  section.dataset.pollId = poll.id;
  section.dataset.kind = poll.kind;
  section.dataset.state = poll.state;
  $("live-poll-question").textContent = poll.question;
  $("live-poll-state").textContent = poll.state === "open" ? strings.poll_open : strings.poll_closed;
  const form = $("live-poll-form");
  if (form && changed && answer !== undefined) renderForm(poll, answer);
  if (form) form.hidden = poll.state !== "open" || !you.can_write;
  if (poll.results || !poll.results_hidden || poll.revealed || changed) renderResults(poll.results || null);
  const close = $("live-poll-close");
  if (close) close.hidden = poll.state !== "open";
  const reveal = $("live-poll-reveal");
  if (reveal) reveal.hidden = !poll.results_hidden || poll.revealed;
  const controls = $("live-poll-controls");
  if (controls) controls.hidden = close.hidden && reveal.hidden;
}

// A poll.* event, or the poll of the hello frame.
export function applyPoll(frame) {
  const poll = frame.data.poll;
  if (frame.type === "poll.created") {
    addPrepared(poll);
    return;
  }
  if (frame.type === "poll.opened") {
    $("live-prepared-polls")?.querySelector(`[data-poll-id="${poll.id}"]`)?.remove();
    if (current && current.id === poll.id) current = null; // opened again: fit the form anew
    showPoll(poll, null);
    return;
  }
  if (current && current.id === poll.id) showPoll(poll);
  if (frame.type === "poll.closed") addPrepared(poll);
}

// The results pushed as answers come (at most a few a second): for the poll shown only.
export function pollResults(frame) {
  if (!current || current.id !== frame.poll) return;
  if (frame.results) renderResults(frame.results);
  else renderResults(null, frame.total);
}

function addPrepared(poll) {
  const list = $("live-prepared-polls");
  if (!list || list.querySelector(`[data-poll-id="${poll.id}"]`)) return;
  const item = el("li");
  item.dataset.pollId = poll.id;
  item.append(el("span", "", poll.question), " ", el("span", "meta", `(${strings.poll_kinds[poll.kind]})`), " ");
  const launch = el("button", "button-secondary", strings.poll_launch);
  launch.type = "button";
  launch.dataset.pollLaunch = poll.id;
  item.append(launch);
  list.append(item);
}

function answerFrame(form) {
  const frame = { type: "poll.answer", poll: Number(form.elements.poll.value) };
  const kind = current?.kind || $("live-poll").dataset.kind;
  if (kind === "words") frame.text = form.elements.text.value.trim();
  else if (kind === "scale") frame.scale = Number(form.querySelector("input[name=scale]:checked")?.value || 0);
  else frame.options = [...form.querySelectorAll("input[name=options]:checked")].map((input) => Number(input.value));
  return frame;
}

export function setupPolls() {
  if (mode !== "room") return;
  const form = $("live-poll-form");
  form?.addEventListener("submit", (event) => {
    event.preventDefault();
    send(answerFrame(form), {
      near: form,
      onAck: () => {
        $("live-poll-saved").hidden = false;
        form.querySelector("button[type=submit]").textContent = strings.poll_change;
      },
    });
  });
  $("live-poll-close")?.addEventListener("click", (event) =>
    send({ type: "poll.close", poll: current?.id }, { near: event.target }));
  $("live-poll-reveal")?.addEventListener("click", (event) =>
    send({ type: "poll.reveal", poll: current?.id }, { near: event.target }));
  $("live-prepared-polls")?.addEventListener("click", (event) => {
    const id = event.target.dataset?.pollLaunch;
    if (id) send({ type: "poll.open", poll: Number(id) }, { near: event.target });
  });
  const create = $("live-poll-create");
  create?.addEventListener("submit", (event) => {
    event.preventDefault();
    const options = create.elements.options.value.split("\n").map((line) => line.trim()).filter(Boolean);
    send({
      type: "poll.create",
      kind: create.elements.kind.value,
      question: create.elements.question.value.trim(),
      options,
      results_hidden: create.elements.results_hidden.checked,
      launch: event.submitter?.value !== "false",
    }, { near: create, onAck: () => create.reset() });
  });
}
