// Progressive enhancement of the search forms; without JavaScript they work as plain forms.
//
// 1. Suggestions while typing: the field "Was möchten Sie tun?" becomes an ARIA combobox with a
//    listbox popup (WAI-ARIA Authoring Practices, "list autocomplete without automatic selection").
//    Suggestions come from our own /suche/vorschlaege/; choosing one fills the field, the search stays
//    the ordinary form submit. The number of suggestions is announced through a live region.
// 2. "Meinen Standort verwenden": writes the browser's position, rounded to three decimals (about
//    100 m), as "latitude,longitude" into the field "Ort oder PLZ". It goes only to our server, with
//    the search. The button is shown only where the browser can locate.
//
// Texts come from data-text-* attributes, translated on the server.

const DEBOUNCE_MS = 200;
const MIN_CHARS = 2;

function enhanceCombobox(wrapper) {
    const input = wrapper.querySelector("input");
    const form = input.form;
    const texts = wrapper.dataset;
    const listbox = document.createElement("ul");
    listbox.id = `${input.id}-listbox`;
    listbox.className = "ev-combobox__listbox";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", texts.textList);
    listbox.hidden = true;
    const live = document.createElement("p");
    live.className = "kern-sr-only";
    live.setAttribute("role", "status");
    wrapper.append(listbox, live);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);
    input.setAttribute("autocomplete", "off");

    let options = [];
    let active = -1;
    let timer = null;
    let request = null;
    let lastQuery = "";

    function cityOfForm() {
        const city = form && form.elements.namedItem("city");
        return city instanceof HTMLSelectElement ? city.value : "";
    }

    function open() {
        if (!options.length) return;
        listbox.hidden = false;
        input.setAttribute("aria-expanded", "true");
    }

    function close() {
        listbox.hidden = true;
        input.setAttribute("aria-expanded", "false");
        setActive(-1);
    }

    function setActive(index) {
        options.forEach((option, i) => option.setAttribute("aria-selected", i === index ? "true" : "false"));
        active = index;
        if (index >= 0) {
            input.setAttribute("aria-activedescendant", options[index].id);
            options[index].scrollIntoView({ block: "nearest" });
        } else {
            input.removeAttribute("aria-activedescendant");
        }
    }

    function accept(index) {
        input.value = options[index].dataset.value;
        close();
        input.focus();
    }

    function announce(count) {
        const text = count === 0 ? texts.textNone : count === 1 ? texts.textOne : texts.textMany.replace("{count}", count);
        // Setting the same text twice is not announced again; clear first.
        live.textContent = "";
        window.setTimeout(() => { live.textContent = text; }, 50);
    }

    function render(suggestions) {
        listbox.replaceChildren();
        options = suggestions.map((suggestion, i) => {
            const option = document.createElement("li");
            option.id = `${listbox.id}-${i}`;
            option.className = "ev-combobox__option";
            option.setAttribute("role", "option");
            option.setAttribute("aria-selected", "false");
            option.dataset.value = suggestion.label;
            const label = document.createElement("span");
            label.textContent = suggestion.label;
            const kind = document.createElement("span");
            kind.className = "ev-combobox__kind";
            kind.textContent = ` – ${suggestion.kind_label}`;
            option.append(label, kind);
            // mousedown would move the focus away from the field before the click arrives.
            option.addEventListener("mousedown", (event) => event.preventDefault());
            option.addEventListener("click", () => accept(i));
            listbox.append(option);
            return option;
        });
        active = -1;
        input.removeAttribute("aria-activedescendant");
        if (options.length && document.activeElement === input) open();
        else close();
        announce(options.length);
    }

    async function fetchSuggestions(query) {
        if (request) request.abort();
        request = new AbortController();
        const params = new URLSearchParams({ q: query });
        const city = cityOfForm();
        if (city) params.set("city", city);
        try {
            const response = await fetch(`${wrapper.dataset.suggestUrl}?${params}`, {
                headers: { Accept: "application/json" },
                credentials: "same-origin",
                signal: request.signal,
            });
            if (!response.ok) return;
            const data = await response.json();
            if (input.value.trim() === query) render(data.suggestions || []);
        } catch (error) {
            if (error.name !== "AbortError") close();
        }
    }

    input.addEventListener("input", () => {
        window.clearTimeout(timer);
        const query = input.value.trim();
        if (query.length < MIN_CHARS) {
            lastQuery = "";
            options = [];
            listbox.replaceChildren();
            close();
            return;
        }
        if (query === lastQuery) return;
        lastQuery = query;
        timer = window.setTimeout(() => fetchSuggestions(query), DEBOUNCE_MS);
    });

    input.addEventListener("keydown", (event) => {
        const expanded = !listbox.hidden;
        switch (event.key) {
            case "ArrowDown":
                if (!options.length) return;
                event.preventDefault();
                open();
                setActive(active < options.length - 1 ? active + 1 : 0);
                break;
            case "ArrowUp":
                if (!options.length) return;
                event.preventDefault();
                open();
                setActive(active > 0 ? active - 1 : options.length - 1);
                break;
            case "Enter":
                if (expanded && active >= 0) {
                    event.preventDefault(); // take the suggestion; the next Enter searches
                    accept(active);
                }
                break;
            case "Escape":
                if (expanded) {
                    event.preventDefault();
                    close();
                } else if (input.value) {
                    event.preventDefault();
                    input.value = "";
                }
                break;
            case "Tab":
                close();
                break;
            default:
                break;
        }
    });

    input.addEventListener("blur", () => close());
}

function enhanceLocate(box) {
    if (!("geolocation" in navigator)) return;
    const input = document.getElementById(box.dataset.locate);
    const button = box.querySelector("button");
    const status = box.querySelector("[role=status]");
    if (!input || !button || !status) return;
    box.hidden = false;
    button.addEventListener("click", () => {
        button.setAttribute("aria-disabled", "true");
        status.textContent = box.dataset.textBusy;
        navigator.geolocation.getCurrentPosition(
            (position) => {
                const { latitude, longitude } = position.coords;
                input.value = `${latitude.toFixed(3)},${longitude.toFixed(3)}`;
                status.textContent = box.dataset.textDone;
                button.removeAttribute("aria-disabled");
            },
            (error) => {
                status.textContent = error.code === error.PERMISSION_DENIED ? box.dataset.textDenied : box.dataset.textFailed;
                button.removeAttribute("aria-disabled");
            },
            { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 },
        );
    });
}

document.querySelectorAll(".ev-combobox[data-suggest-url]").forEach(enhanceCombobox);
document.querySelectorAll("[data-locate]").forEach(enhanceLocate);
