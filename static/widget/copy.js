// "Code kopieren" beside the widget's code (templates/components/widget_snippet.html): copies the code
// and says so in the status line (read out by screen readers). Without script the button stays hidden.
(function () {
    "use strict";
    document.querySelectorAll("[data-copy-target]").forEach(function (button) {
        var field = document.getElementById(button.getAttribute("data-copy-target"));
        var status = button.parentElement.querySelector("[data-copy-status]");
        if (!field || !status) {
            return;
        }
        button.hidden = false;
        button.addEventListener("click", function () {
            function done(ok) {
                status.textContent = status.getAttribute(ok ? "data-copied" : "data-failed");
            }
            field.select();
            if (navigator.clipboard && navigator.clipboard.writeText) {
                navigator.clipboard.writeText(field.value).then(
                    function () { done(true); },
                    function () { done(document.execCommand && document.execCommand("copy")); }
                );
            } else {
                done(document.execCommand && document.execCommand("copy"));
            }
        });
    });
})();
