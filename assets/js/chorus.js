// Chorus: progressive enhancement only. Every feature works without this file.
"use strict";
