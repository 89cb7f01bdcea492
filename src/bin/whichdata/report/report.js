"use strict";
(function () {
  const papers = document.querySelector("#paper-table tbody");
  const filter = document.getElementById("filter");
  const show = document.getElementById("show");
  const shown = document.getElementById("shown");
  let pickedId = "";
  function apply() {
    const words = filter.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const flag = show.value;
    let n = 0;
    for (const tr of papers.rows) {
      const text = tr.textContent.toLowerCase() + " " + tr.dataset.flags + tr.dataset.datasets.toLowerCase();
      const ok = words.every((w) => text.includes(w)) &&
        (!flag || (" " + tr.dataset.flags + " ").includes(" " + flag + " ")) &&
        (!pickedId || tr.dataset.datasets.includes(" " + pickedId + " "));
      tr.classList.toggle("hidden", !ok);
      if (ok) n++;
    }
    shown.textContent = n + " of " + papers.rows.length + " papers shown" + (pickedId ? " (using " + pickedId + ")" : "");
  }
  filter.addEventListener("input", apply);
  show.addEventListener("change", apply);
  for (const b of document.querySelectorAll("button.pick")) {
    b.addEventListener("click", () => {
      pickedId = pickedId === b.dataset.id ? "" : b.dataset.id;
      apply();
      document.getElementById("papers").scrollIntoView();
    });
  }
  for (const table of document.querySelectorAll("table.sortable")) {
    const heads = table.tHead.rows[0].cells;
    for (let i = 0; i < heads.length; i++) {
      heads[i].addEventListener("click", () => {
        const th = heads[i];
        const dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
        for (const h of heads) h.removeAttribute("aria-sort");
        th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
        const number = th.dataset.type === "number";
        const body = table.tBodies[0];
        const rows = Array.from(body.rows);
        rows.sort((a, b) => {
          const x = a.cells[i] ? a.cells[i].textContent.trim() : "";
          const y = b.cells[i] ? b.cells[i].textContent.trim() : "";
          const c = number ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y);
          return dir * c;
        });
        for (const r of rows) body.appendChild(r);
      });
    }
  }
  apply();
})();
