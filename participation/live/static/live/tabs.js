// Phones: the discussion and the questions as two tabs (WAI-ARIA tabs: arrows, Home, End move
// between them); from 48rem they sit side by side and the tabs are gone. Without this script the two
// panels follow each other on the page.

import { $, fill, root, strings } from "./common.js";

const narrow = window.matchMedia("(max-width: 47.99rem)");
let tabs = [];
let panels = [];
let current = 0;

export function setupTabs() {
  const bar = $("live-tabs");
  panels = [$("live-discussion"), $("live-questions-panel")];
  if (!bar || panels.some((panel) => !panel)) return;
  bar.setAttribute("role", "tablist");
  bar.setAttribute("aria-label", strings.tabs);
  tabs = panels.map((panel, index) => {
    const tab = document.createElement("button");
    tab.type = "button";
    tab.id = `${panel.id}-tab`;
    tab.setAttribute("role", "tab");
    tab.setAttribute("aria-controls", panel.id);
    const label = document.createElement("span");
    label.textContent = panel.querySelector("h2").textContent;
    const unread = document.createElement("span");
    unread.className = "live-unread";
    tab.append(label, unread);
    tab.addEventListener("click", () => select(index));
    bar.append(tab);
    return tab;
  });
  bar.addEventListener("keydown", (event) => {
    const moves = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: tabs.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    select((moves[event.key] + tabs.length) % tabs.length);
    tabs[current].focus();
  });
  // Back from a form posted without the script (#live-questions-panel), or a link to a question.
  const target = location.hash && document.querySelector(location.hash.replace(/[^#\w-]/g, ""));
  const start = target ? panels.findIndex((panel) => panel.contains(target)) : -1;
  if (start > 0) current = start;
  narrow.addEventListener("change", layout);
  layout();
}

function layout() {
  const tabbed = narrow.matches;
  $("live-tabs").hidden = !tabbed;
  root.classList.toggle("is-tabbed", tabbed);
  panels.forEach((panel, index) => {
    if (tabbed) {
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tabs[index].id);
    } else {
      panel.removeAttribute("role");
      panel.setAttribute("aria-labelledby", panel.querySelector("h2").id);
      panel.hidden = false;
    }
  });
  if (tabbed) select(current);
}

function select(index) {
  current = index;
  tabs.forEach((tab, i) => {
    const selected = i === index;
    tab.setAttribute("aria-selected", String(selected));
    tab.tabIndex = selected ? 0 : -1;
    panels[i].hidden = !selected;
    if (selected) setUnread(tab, 0);
  });
}

function setUnread(tab, count) {
  tab.dataset.unread = String(count);
  tab.querySelector(".live-unread").textContent = count ? ` ${fill(strings.unread, { count })}` : "";
}

// Something new in a panel: counted on its tab while the other one is shown.
export function noteActivity(panelId) {
  const index = panels.findIndex((panel) => panel.id === panelId);
  if (index < 0 || !narrow.matches || index === current) return;
  setUnread(tabs[index], Number(tabs[index].dataset.unread || 0) + 1);
}
