// « Reste à dépenser » as boxes are ticked; without this script the server computes it on submit.
// The sentences come translated from the page (data-text-left, data-text-over).
const form = document.querySelector("form[data-envelope-amount]");
if (form) {
  const amount = Number(form.dataset.envelopeAmount);
  const output = form.querySelector("[data-remaining]");
  const lang = document.documentElement.lang || "fr";
  // As the server writes amounts: no cents when there are none, a no-break space between groups.
  const money = (cents) => new Intl.NumberFormat(lang, {
    style: "currency", currency: "EUR", minimumFractionDigits: cents % 100 ? 2 : 0,
  }).format(cents / 100).replace(/\u202f/g, "\u00a0");
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, key) => values[key]);
  const update = () => {
    const ticked = form.querySelectorAll("input[name=projects]:checked");
    if (form.dataset.rule === "approval") {
      const max = Number(form.dataset.maxProjects);
      output.textContent = fill(form.dataset.textCount, { count: ticked.length, max });
      output.closest(".remaining").classList.toggle("remaining-over", ticked.length > max);
      return;
    }
    let total = 0;
    for (const box of ticked) total += Number(box.dataset.cost);
    const left = amount - total;
    const values = { left: money(Math.abs(left)), amount: money(amount) };
    output.textContent = fill(left >= 0 ? form.dataset.textLeft : form.dataset.textOver, values);
    output.closest(".remaining").classList.toggle("remaining-over", left < 0);
  };
  form.addEventListener("change", update);
  const recalculate = form.querySelector("button[name=recalculate]");
  recalculate?.remove();  // the live figure makes the no-script button useless
}
