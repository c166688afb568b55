// Hints that help a share text read well for every reader: the browser's copy of
// stories/kit_hints.py. Parameters, limits and translated messages come from the server
// (stories.kit_hints.browser_config, in a json_script), so only the rules live here, written
// line for line like the Python ones. Computed in this browser; stored nowhere, sent nowhere.
"use strict";

(function () {
    var URL_PATTERN = /https?:\/\/\S+/gi;
    var HASHTAG = /(?<![\p{L}\p{N}_#&])#([\p{L}\p{N}_]+)/gu;
    var LINE_BREAK = /\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/;
    var LINK_ONLY = ["linkedin", "facebook"];
    // twitter-text v3: code points in these ranges weigh 1, everything else 2.
    var X_LIGHT_RANGES = [[0, 4351], [8192, 8205], [8208, 8223], [8242, 8247]];

    function chars(text) {
        return Array.from(text); // code points, as Python iterates a str
    }

    // stories.networks.graphemes, the same approximation of user-perceived characters.
    function isRegionalIndicator(char) {
        return char !== null && char.codePointAt(0) >= 0x1f1e6 && char.codePointAt(0) <= 0x1f1ff;
    }

    function extendsCluster(char, previous) {
        var code = char.codePointAt(0);
        return /\p{M}/u.test(char) ||
            code === 0x200d ||
            previous === "\u200d" ||
            (code >= 0xfe00 && code <= 0xfe0f) ||
            (code >= 0x1f3fb && code <= 0x1f3ff) ||
            (code >= 0xe0020 && code <= 0xe007f);
    }

    function graphemes(text) {
        var clusters = [];
        chars(text).forEach(function (char) {
            var last = clusters.length ? chars(clusters[clusters.length - 1]) : null;
            var previous = last ? last[last.length - 1] : null;
            if (last && (
                extendsCluster(char, previous) ||
                (previous === "\r" && char === "\n") ||
                (isRegionalIndicator(char) && isRegionalIndicator(previous) && last.length === 1)
            )) {
                clusters[clusters.length - 1] += char;
            } else {
                clusters.push(char);
            }
        });
        return clusters;
    }

    function isEmoji(cluster) {
        var code = cluster.codePointAt(0);
        return code >= 0x1f000 || (code >= 0x2600 && code <= 0x27bf) ||
            cluster.indexOf("\ufe0f") !== -1 || cluster.indexOf("\u200d") !== -1;
    }

    function xWeight(cluster) {
        if (isEmoji(cluster)) {
            return 2;
        }
        return chars(cluster).reduce(function (sum, char) {
            var code = char.codePointAt(0);
            var light = X_LIGHT_RANGES.some(function (range) {
                return code >= range[0] && code <= range[1];
            });
            return sum + (light ? 1 : 2);
        }, 0);
    }

    function create(config) {
        var P = config.parameters;

        function linksAs23(text) {
            return text.replace(URL_PATTERN, "x".repeat(config.linkLength));
        }

        // stories.networks.message_text and effective_length.
        function messageText(network, text, link) {
            text = text.trim();
            if (LINK_ONLY.indexOf(network) !== -1) {
                return "";
            }
            if (network === "x") {
                return text;
            }
            if (network === "email") {
                return text ? text + "\n\n" + link : link;
            }
            return text ? text + " " + link : link;
        }

        function effectiveLength(network, text, link) {
            text = text.trim();
            if (network === "x") {
                var length = graphemes(linksAs23(text)).reduce(function (sum, cluster) {
                    return sum + xWeight(cluster);
                }, 0);
                return length + (link ? 1 + config.linkLength : 0);
            }
            if (network === "bluesky") {
                return graphemes(messageText(network, text, link)).length;
            }
            if (network === "mastodon") {
                return graphemes(linksAs23(messageText(network, text, link))).length;
            }
            return chars(text).length;
        }

        function format(code, params) {
            return config.messages[code].replace(/%\((\w+)\)s/g, function (match, name) {
                return String(params[name]);
            });
        }

        function isCased(char) {
            return char.toLowerCase() !== char.toUpperCase();
        }

        function isUpper(char) {
            return isCased(char) && char === char.toUpperCase();
        }

        function hashtags(text) {
            var seen = {};
            var tags = [];
            Array.from(text.matchAll(HASHTAG)).forEach(function (match) {
                var key = match[1].toLowerCase();
                if (!seen[key]) {
                    seen[key] = true;
                    tags.push(match[1]);
                }
            });
            return tags;
        }

        function hashtagNeedsCase(tag) {
            var cased = chars(tag).filter(isCased);
            var cases = {};
            cased.forEach(function (char) { cases[isUpper(char)] = true; });
            return cased.length >= P.hashtag_min_letters && Object.keys(cases).length === 1;
        }

        function shoutingLines(text) {
            return text.split(LINE_BREAK).filter(function (line) {
                var words = line.replace(URL_PATTERN, " ").replace(HASHTAG, " ");
                var cased = chars(words).filter(isCased);
                if (cased.length < P.capitals_min_letters) {
                    return false;
                }
                return cased.filter(isUpper).length / cased.length >= P.capitals_share;
            }).map(function (line) { return line.trim(); });
        }

        function longestEmojiRun(text) {
            var longest = 0;
            var run = 0;
            graphemes(text).forEach(function (cluster) {
                if (isEmoji(cluster)) {
                    run += 1;
                    longest = Math.max(longest, run);
                } else if (!/^\s+$/.test(cluster)) {
                    run = 0;
                }
            });
            return longest;
        }

        function start(line) {
            var codePoints = chars(line);
            return codePoints.length <= 30 ? line : codePoints.slice(0, 30).join("").trimEnd() + "…";
        }

        // stories.kit_hints.text_hints: the messages, in the same order.
        function textHints(text, network, link) {
            var hints = [];
            var tags = hashtags(text);
            tags.forEach(function (tag) {
                if (hashtagNeedsCase(tag)) {
                    hints.push(format("hashtag_case", { tag: "#" + tag }));
                }
            });
            var advice = network ? config.hashtagAdvice[network] : null;
            if (advice !== null && advice !== undefined && tags.length > advice) {
                hints.push(format("hashtag_count", {
                    count: tags.length, network: config.networkLabels[network], advice: advice,
                }));
            }
            shoutingLines(text).forEach(function (line) {
                hints.push(format("capitals", { start: start(line) }));
            });
            var run = longestEmojiRun(text);
            if (run >= P.emoji_run) {
                hints.push(format("emoji_run", { count: run }));
            }
            var limit = network ? config.limits[network] : null;
            if (limit && text.trim()) {
                var length = effectiveLength(network, text, link);
                var code = length > limit ? "over_limit" :
                    length >= P.limit_share * limit ? "near_limit" : null;
                if (code) {
                    hints.push(format(code, {
                        length: length, limit: limit, network: config.networkLabels[network],
                    }));
                }
            }
            return hints;
        }

        // stories.kit_hints.edit_distance: Levenshtein, banded to `most`.
        function editDistance(first, second, most) {
            first = chars(first);
            second = chars(second);
            // What both texts share at the start and the end changes nothing.
            var start = 0;
            while (start < Math.min(first.length, second.length) && first[start] === second[start]) {
                start += 1;
            }
            first = first.slice(start);
            second = second.slice(start);
            var end = 0;
            while (end < Math.min(first.length, second.length) &&
                first[first.length - 1 - end] === second[second.length - 1 - end]) {
                end += 1;
            }
            first = first.slice(0, first.length - end);
            second = second.slice(0, second.length - end);
            if (most === undefined) {
                most = Math.max(first.length, second.length);
            }
            if (Math.abs(first.length - second.length) > most) {
                return most + 1;
            }
            var previous = [];
            for (var j = 0; j <= second.length; j += 1) {
                previous.push(j);
            }
            for (var i = 1; i <= first.length; i += 1) {
                var current = [i];
                for (var k = 1; k <= second.length; k += 1) {
                    current.push(most + 1);
                }
                var low = Math.max(1, i - most);
                var high = Math.min(second.length, i + most);
                for (j = low; j <= high; j += 1) {
                    current[j] = Math.min(
                        previous[j] + 1,
                        current[j - 1] + 1,
                        previous[j - 1] + (first[i - 1] !== second[j - 1] ? 1 : 0)
                    );
                }
                if (Math.min.apply(null, current) > most) {
                    return most + 1;
                }
                previous = current;
            }
            return Math.min(previous[previous.length - 1], most + 1);
        }

        function isNearlyUnchanged(text, suggested) {
            var most = P.nearly_unchanged_characters;
            var distance = editDistance(text.trim(), suggested.trim(), most);
            return distance > 0 && distance <= most;
        }

        return {
            textHints: textHints,
            effectiveLength: effectiveLength,
            editDistance: editDistance,
            isNearlyUnchanged: isNearlyUnchanged,
            message: function (code) { return format(code, {}); },
        };
    }

    window.ChorusKitHints = { create: create };
})();
