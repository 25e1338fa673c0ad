// Inside the widget's frame (templates/search/widget.html): tells the embedding page how tall the
// content is, so that /widget.js can size the frame without a scroll bar. Only a height is sent (to
// whichever page frames us: it is no secret); the embedding page checks that it comes from our origin.
(function () {
    "use strict";
    if (window.parent === window) {
        return;
    }
    var lastHeight = 0;
    function report() {
        var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
        if (height !== lastHeight) {
            lastHeight = height;
            window.parent.postMessage({ type: "engagement-widget:height", height: height }, "*");
        }
    }
    if (typeof ResizeObserver === "function") {
        new ResizeObserver(report).observe(document.documentElement);
    } else {
        window.addEventListener("resize", report);
    }
    window.addEventListener("load", report);
    report();
})();
