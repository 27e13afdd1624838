// « Reste à dépenser » as boxes are ticked; without this script the server computes it on submit.
// The sentences come translated from the page (data-text-left, data-text-over).
const form = document.querySelector("form[data-envelope-amount]");
if (form) {
  const amount = Number(form.dataset.envelopeAmount);
  const output = form.querySelector("[data-remaining]");
  const money = new Intl.NumberFormat(document.documentElement.lang || "fr", {
    style: "currency", currency: "EUR", maximumFractionDigits: 2,
  });
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, key) => values[key]);
  const update = () => {
    let total = 0;
    for (const box of form.querySelectorAll("input[name=projects]:checked")) total += Number(box.dataset.cost);
    const left = amount - total;
    const values = { left: money.format(Math.abs(left) / 100), amount: money.format(amount / 100) };
    output.textContent = fill(left >= 0 ? form.dataset.textLeft : form.dataset.textOver, values);
    output.closest(".remaining").classList.toggle("remaining-over", left < 0);
  };
  form.addEventListener("change", update);
  const recalculate = form.querySelector("button[name=recalculate]");
  if (recalculate) recalculate.hidden = true;
}
