// derek show: the checkboxes of the bar at the top switch classes of the page body.
// Without scripts they would do nothing, so they are only shown once this has run.
document.documentElement.classList.add("js");
for (const box of document.querySelectorAll("input[data-on], input[data-off]")) {
  const apply = () => {
    if (box.dataset.on) document.body.classList.toggle(box.dataset.on, box.checked);
    if (box.dataset.off) document.body.classList.toggle(box.dataset.off, !box.checked);
  };
  box.addEventListener("change", apply);
  apply();
}
