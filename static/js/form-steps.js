// Step by step through a long form; without JavaScript it is one page of fieldsets and works the same.
//
// A form with data-steps shows one of its fieldsets (.ev-form-step) at a time, with a list of all
// steps above it (to jump to any of them) and "Zurück"/"Weiter" below. Nothing is sent between steps:
// the whole form is one POST, so nothing typed is lost. After the server found errors, the first step
// with an error opens, and the links of the error summary open the step of their field.
// Fields that do not apply are hidden: the date of a one-off event only for one-off events, the rhythm
// only for regular ones, the address not for remote opportunities. A field with an error always shows.
//
// Texts come from data-text-* attributes, translated on the server.

const ERROR_SELECTOR = '[aria-invalid="true"], .kern-fieldset--error, .kern-form-check--error';
const FIELD_BOX = ".kern-form-input, .kern-form-check, .kern-fieldset";

function stepsOf(form) {
    return Array.from(form.querySelectorAll(".ev-form-step"));
}

function enhance(form) {
    const steps = stepsOf(form);
    if (steps.length < 2) return;
    const texts = form.dataset;
    const titles = steps.map((step) => step.querySelector("legend").textContent.trim());

    const nav = document.createElement("nav");
    nav.setAttribute("aria-label", texts.textProgress);
    const list = document.createElement("ol");
    list.className = "ev-steps";
    const buttons = titles.map((title, index) => {
        const item = document.createElement("li");
        item.className = "ev-steps__item";
        if (steps[index].querySelector(ERROR_SELECTOR)) item.classList.add("ev-steps__item--error");
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = title;
        button.addEventListener("click", () => show(index, true));
        item.append(button);
        list.append(item);
        return button;
    });
    nav.append(list);
    const live = document.createElement("p");
    live.className = "kern-sr-only";
    live.setAttribute("role", "status");
    steps[0].before(nav, live);

    const stepNav = document.createElement("div");
    stepNav.className = "ev-step-nav";
    const back = navButton(texts.textBack, "kern-btn--tertiary", () => show(current - 1, true));
    const next = navButton(texts.textNext, "kern-btn--secondary", () => {
        if (stepIsValid(steps[current], texts)) show(current + 1, true);
    });
    stepNav.append(back, next);
    steps[steps.length - 1].after(stepNav);

    let current = 0;
    function show(index, moveFocus) {
        current = Math.max(0, Math.min(index, steps.length - 1));
        steps.forEach((step, position) => {
            step.hidden = position !== current;
        });
        buttons.forEach((button, position) => {
            if (position === current) button.setAttribute("aria-current", "step");
            else button.removeAttribute("aria-current");
        });
        back.hidden = current === 0;
        next.hidden = current === steps.length - 1;
        live.textContent = `${texts.textStep} ${current + 1} ${texts.textOf} ${steps.length}: ${titles[current]}`;
        if (moveFocus) steps[current].querySelector("legend").focus();
    }

    // Links of the error summary (and any in-page link) open the step their target is in.
    document.addEventListener("click", (event) => {
        const link = event.target.closest('a[href^="#"]');
        if (!link || link.getAttribute("href").length < 2) return;
        const target = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
        const step = target && target.closest(".ev-form-step");
        if (!step || !form.contains(step)) return;
        event.preventDefault();
        show(steps.indexOf(step), false);
        target.focus();
    });

    const firstError = form.querySelector(ERROR_SELECTOR);
    const start = firstError ? steps.indexOf(firstError.closest(".ev-form-step")) : 0;
    show(Math.max(start, 0), false);
    applyConditions(form);
    form.addEventListener("change", () => applyConditions(form));
}

// "Weiter" checks the visible fields of the current step as the browser can (a required title, the five
// digits of a postcode, an e-mail address) and shows the first problem at its field. Only fields that
// must be filled in to go on are checked: a draft can be saved from any step, and the server is the
// judge of everything at submission.
function stepIsValid(step, texts) {
    step.querySelectorAll(".ev-step-error").forEach((error) => error.remove());
    step.querySelectorAll("[data-step-invalid]").forEach((field) => {
        field.removeAttribute("data-step-invalid");
        field.removeAttribute("aria-invalid");
    });
    const fields = Array.from(step.querySelectorAll("input, textarea, select")).filter(
        (field) => !field.closest("[hidden]") && field.type !== "hidden" && field.willValidate,
    );
    const invalid = fields.filter((field) => stepChecks(field) && !field.checkValidity());
    invalid.forEach((field) => {
        field.setAttribute("aria-invalid", "true");
        field.setAttribute("data-step-invalid", "");
        const error = document.createElement("p");
        error.className = "kern-error ev-step-error";
        error.id = `${field.id}_steperror`;
        error.textContent = field.validity.valueMissing ? texts.textRequired : texts.textInvalid;
        field.after(error);
        field.setAttribute("aria-describedby", `${field.getAttribute("aria-describedby") || ""} ${error.id}`.trim());
    });
    if (invalid.length) invalid[0].focus();
    return invalid.length === 0;
}

function stepChecks(field) {
    // The title is needed even for a draft; other fields only when something is typed that cannot be right.
    return field.name === "title" || (field.value !== "" && !field.validity.valueMissing);
}

function navButton(text, variant, onClick) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = `kern-btn ${variant}`;
    const label = document.createElement("span");
    label.className = "kern-label";
    label.textContent = text;
    button.append(label);
    button.addEventListener("click", onClick);
    return button;
}

function valueOf(form, name) {
    const checked = form.querySelector(`[name="${name}"]:checked`);
    if (checked) return checked.type === "checkbox" ? "on" : checked.value;
    const field = form.elements.namedItem(name);
    return field && field.type !== "checkbox" && field.type !== "radio" ? field.value : "";
}

function toggle(form, names, visible) {
    names.forEach((name) => {
        const field = form.elements.namedItem(name);
        const box = field && (field.closest ? field.closest(FIELD_BOX) : null);
        if (!box) return;
        box.hidden = !visible && !box.querySelector(ERROR_SELECTOR) && !box.matches(ERROR_SELECTOR);
    });
}

function applyConditions(form) {
    const schedule = valueOf(form, "schedule_kind");
    if (schedule) {
        toggle(form, ["event_start", "event_end"], schedule === "one_off");
        toggle(form, ["rhythm"], schedule === "regular");
        toggle(form, ["hours_per_week"], schedule !== "one_off");
    }
    const remote = valueOf(form, "is_remote") === "on";
    toggle(form, ["street", "postcode", "place", "barrier_free", "accessibility_note"], !remote);
}

document.querySelectorAll("form[data-steps]").forEach(enhance);
