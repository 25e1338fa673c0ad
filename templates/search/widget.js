// Engagement vernetzt: sizes the offer widgets embedded on this page (search/widget.py). No
// dependencies, no cookies, nothing sent anywhere: it only listens for the height each of our frames
// posts and accepts it only from our own origin and from the frame it belongs to.
(function () {
    "use strict";
    var script = document.currentScript;
    if (!script || !window.postMessage) {
        return;
    }
    var origin = new URL(script.src, document.baseURI).origin;
    var MIN_HEIGHT = 120;
    var MAX_HEIGHT = 20000;
    function ourFrames() {
        var frames = document.querySelectorAll("iframe[data-engagement-widget]");
        return Array.prototype.filter.call(frames, function (frame) {
            try {
                return new URL(frame.src, document.baseURI).origin === origin;
            } catch (error) {
                return false;
            }
        });
    }
    window.addEventListener("message", function (event) {
        if (event.origin !== origin) {
            return;
        }
        var data = event.data;
        if (!data || data.type !== "engagement-widget:height" || typeof data.height !== "number") {
            return;
        }
        var height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(data.height)));
        ourFrames().forEach(function (frame) {
            if (frame.contentWindow === event.source) {
                frame.style.height = height + "px";
            }
        });
    });
})();
