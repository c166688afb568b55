// Share panel: progressive enhancement only. Without this file the panel is a plain form
// that posts to the share redirect, and everything still works.
"use strict";

(function () {
    var INSTANCE_KEY = "chorus.mastodonInstance"; // stays in this browser, never sent to us
    var LINK_ONLY = ["linkedin", "facebook"];
    var HOST = /^(?!-)[a-z0-9-]{1,63}(?:\.(?!-)[a-z0-9-]{1,63})+$/i;

    function templateText(panel, selector) {
        var node = panel.querySelector(selector);
        return node ? node.content.textContent.trim() : "";
    }

    // The same rule as stories.networks.with_disclosure on the server: the required line
    // starts the text, once; deleted, it is put back; moved lower, it comes back to the start.
    function withDisclosure(text, disclosure) {
        text = text.trim();
        disclosure = (disclosure || "").trim();
        if (!disclosure || text.indexOf(disclosure) === 0) {
            return text;
        }
        var escaped = disclosure.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        var ownLine = new RegExp("(?:^|\\n+)[ \\t]*" + escaped + "[ \\t]*(?![^\\n])", "g");
        var rest = text.replace(ownLine, "").trim();
        return rest ? disclosure + "\n\n" + rest : disclosure;
    }

    function storage() {
        try {
            return window.localStorage;
        } catch (error) {
            return null; // private mode or storage switched off
        }
    }

    function setUp(panel) {
        var form = panel.querySelector("[data-share-form]");
        var textarea = form.querySelector("textarea[name=text]");
        var original = form.querySelector("input[name=original]");
        var instance = form.querySelector("input[name=instance]");
        var nudge = panel.querySelector("[data-share-nudge]");
        var status = panel.querySelector("[data-share-status]");
        var link = panel.getAttribute("data-share-link");
        var title = panel.getAttribute("data-share-title");
        var disclosure = panel.getAttribute("data-share-disclosure"); // only when required
        var store = storage();

        function say(message) {
            status.textContent = "";
            // A fresh text node so that screen readers announce the message again.
            window.setTimeout(function () { status.textContent = message; }, 50);
        }

        function isUnchanged() {
            return original && textarea.value.trim() === original.value.trim();
        }

        // Reading hints (kit_hints.js), computed here from the server's rules and messages.
        var hintsConfig = document.getElementById("kit-hints-config");
        var hints = window.ChorusKitHints && hintsConfig ?
            window.ChorusKitHints.create(JSON.parse(hintsConfig.textContent)) : null;
        var hintsBox = panel.querySelector("[data-share-hints-list]");
        var nearly = panel.querySelector("[data-share-nearly]");
        var shownHints = null;
        var hintsTimer = null;

        function isNearlyUnchanged() {
            return hints && original && hints.isNearlyUnchanged(textarea.value, original.value);
        }

        function updateNudge() {
            nudge.hidden = !isUnchanged();
            if (nearly) {
                nearly.hidden = !isNearlyUnchanged();
            }
        }

        function hideNudges() {
            nudge.hidden = true;
            if (nearly) {
                nearly.hidden = true;
            }
        }

        // The network the text was written for: the chosen angle's, else the first one's.
        function currentNetwork() {
            var checked = panel.querySelector("input[name=angle]:checked");
            var template = checked && panel.querySelector('[data-share-angle-text="' + checked.value + '"]');
            return template ? template.getAttribute("data-share-angle-network") :
                panel.getAttribute("data-share-network");
        }

        function updateHints() {
            if (!hints || !hintsBox) {
                return;
            }
            var messages = hints.textHints(withDisclosure(textarea.value, disclosure), currentNetwork(), link);
            var key = messages.join("\n");
            if (key === shownHints) {
                return; // unchanged: nothing new to announce
            }
            shownHints = key;
            var list = hintsBox.querySelector("ul");
            list.textContent = "";
            messages.forEach(function (message) {
                var item = document.createElement("li");
                item.textContent = message;
                list.appendChild(item);
            });
            hintsBox.hidden = messages.length === 0;
        }

        if (nearly && hints) {
            nearly.textContent = hints.message("nearly_unchanged");
        }
        updateHints();

        // Every text that leaves the panel through the browser goes through here.
        function textToShare() {
            return withDisclosure(textarea.value, disclosure);
        }

        function copy(text) {
            if (!navigator.clipboard || !window.isSecureContext) {
                return Promise.reject(new Error("no clipboard"));
            }
            return navigator.clipboard.writeText(text);
        }

        // Angles: picking one puts its starting text in the field.
        panel.querySelectorAll("input[name=angle]").forEach(function (radio) {
            radio.addEventListener("change", function () {
                var text = templateText(panel, '[data-share-angle-text="' + radio.value + '"]');
                if (!text) {
                    return;
                }
                textarea.value = text;
                if (original) {
                    original.value = text;
                }
                hideNudges();
                updateHints();
            });
        });

        // Mastodon: remember the instance in this browser only.
        if (instance && store && !instance.value) {
            instance.value = store.getItem(INSTANCE_KEY) || "";
        }

        textarea.addEventListener("input", function () {
            if (!isUnchanged()) {
                nudge.hidden = true;
            }
            if (nearly && !nearly.hidden && !isNearlyUnchanged()) {
                nearly.hidden = true;
            }
            // Once typing pauses, so that a screen reader is not interrupted at every key.
            window.clearTimeout(hintsTimer);
            hintsTimer = window.setTimeout(updateHints, 500);
        });
        form.querySelectorAll("button[name=network]").forEach(function (button) {
            button.addEventListener("focus", updateNudge);
            button.addEventListener("mouseenter", updateNudge);
        });

        form.addEventListener("submit", function (event) {
            var submitter = event.submitter;
            var network = submitter ? submitter.value : "";
            updateNudge(); // a gentle word, never a barrier
            if (network === "mastodon" && instance && store && instance.value.trim()) {
                store.setItem(INSTANCE_KEY, instance.value.trim());
            }
            if (LINK_ONLY.indexOf(network) !== -1) {
                copy(textToShare()).then(function () {
                    say(templateText(panel, "[data-share-paste-message]"));
                }, function () {});
            }
            // The network opens beside the story; e-mail opens the mail program instead.
            // A Mastodon server name the server will refuse comes back in this tab, with
            // the text kept and the reason shown.
            var badInstance = network === "mastodon" && !HOST.test(instance.value.trim());
            form.target = network === "email" || badInstance ? "" : "_blank";
        });

        var copyButton = panel.querySelector("[data-share-copy]");
        if (copyButton && navigator.clipboard && window.isSecureContext) {
            copyButton.hidden = false;
            copyButton.addEventListener("click", function () {
                copy(textToShare() + "\n\n" + link).then(function () {
                    say(templateText(panel, "[data-share-copied-message]"));
                }, function () {});
            });
        }

        var nativeButton = panel.querySelector("[data-share-native]");
        if (nativeButton && typeof navigator.share === "function") {
            nativeButton.hidden = false;
            nativeButton.addEventListener("click", function () {
                navigator.share({ title: title, text: textToShare(), url: link })
                    .catch(function () {}); // closing the share sheet is not an error
            });
        }
    }

    function start() {
        document.querySelectorAll("[data-share-panel]").forEach(setUp);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
