/* geo map: the interactive layers, built in the browser from the JSON payload.

   Reads  <script type="application/json" id="geo-data"> (shape: geo/webmap/payload.py),
          sent document by document; unpack() turns it into flat lists first.
   Draws  the district polygons and the oblast outline; every gazetteer settlement as a
          faint dot, named from LABEL_ZOOM on (labels never overlap); one clustered marker
          per resolved settlement (size: number of claims; colour: the side its newest
          control claim says holds it, split where the sides disagree within a week, else
          the dominant kind); claims about a district on its polygon and claims about the
          oblast on its outline; a side panel with search (forgiving spelling), filters
          (kind, claimant, "according to" a side, dates, a time slider over a weekly
          histogram), a feed of the claims in view, the legend and the lists of claims and
          mentions that have no point. Popups open with a village's control history, then
          one card per statement (payload: statement_id), newest first, 20 at a time.
   Rule   article text reaches the page only through textContent and createTextNode:
          nothing in this file assigns innerHTML or builds markup from strings.
   Entry  geoMap.start(map, osmTileLayer), called once by the page after folium's L.map.
*/
(function () {
  "use strict";

  var LABEL_ZOOM = 11;          // settlement names appear from this zoom on
  var MAX_LABELS = 300;         // at most this many names at once (largest places first)
  var DISTRICT_LABEL_ZOOM = 8;
  var CITY_LABEL_ZOOM = 10;     // city districts are small: named only when zoomed in
  var CLUSTER_UNTIL_ZOOM = 13;  // from this zoom on every marker stands alone
  var SEARCH_ZOOM = 14;
  var PAGE = 100;               // list items the side panel adds per click
  var MAX_MENTIONS = 50;        // mentions listed in one popup
  var MAX_CANDIDATES = 20;
  var CARDS = 20;               // statement cards a popup or list shows before "show more"
  var FEED = 50;                // feed lines added per click
  var CONTEST_DAYS = 7;         // control claims of both sides this close apart: contested
  var DAY_MS = 86400000;
  // the members payload.py writes as digits (payload.DIGIT_MEMBERS)
  var DIGIT_MEMBERS = ["claim_claimant", "claim_kind", "claim_figure", "claim_reported", "claim_place",
    "claim_day", "contested"];
  var BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  var PHONE_WIDTH = 720;        // below this the side panel starts closed
  var SIDES = { russia: "Russia", ukraine: "Ukraine", unknown: "side not known" };
  // autoPan is done here (popupopen), not by Leaflet: its animated pan knows nothing of the
  // map controls, which then cover the title of a popup on a phone
  var POPUP = { maxWidth: 560, minWidth: 300, maxHeight: 380, autoPan: false };
  var PAN_PADDING = 16;
  var PRECISION = {
    1: "precision 1: the settlement itself",
    2: "precision 2: placed at its district",
    3: "precision 3: the oblast only"
  };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  // Control and bidi-override characters in names (file names, titles, outlets) are shown,
  // not obeyed: U+202E would reverse what follows it, ESC could start a terminal sequence.
  var INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
  function visible(text) {
    if (text === undefined || text === null) { return text; }
    return String(text).replace(INVISIBLE, function (ch) {
      return "\u27e8U+" + ("000" + ch.charCodeAt(0).toString(16).toUpperCase()).slice(-4) + "\u27e9";
    });
  }

  function add(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) { continue; }
      parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return parent;
  }

  // `text` with each [start, end) span (UTF-16 offsets, sorted) wrapped in <mark>.
  function marked(tag, className, text, spans) {
    var node = el(tag, className);
    node.dir = "auto";
    var pos = 0;
    (spans || []).forEach(function (span) {
      if (span[0] < pos || span[1] > text.length || span[0] >= span[1]) { return; }
      add(node, text.slice(pos, span[0]), el("mark", null, text.slice(span[0], span[1])));
      pos = span[1];
    });
    return add(node, text.slice(pos));
  }

  function number(value) {
    if (value === null || value === undefined) { return "–"; }
    var n = Number(value);
    // toLocaleString's first call loads the locale's number data: 20-50 ms of the load
    if (!Number.isSafeInteger(n)) { return n.toLocaleString("en-US"); }
    return (n < 0 ? "-" : "") + String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ",");
  }

  // a figure as people count it: a derived 2,666.67 is "about 2,667"; fractions stay
  function counted(value) {
    if (value === null || value === undefined) { return "–"; }
    var n = Number(value);
    if (Number.isInteger(n) || Math.abs(n) < 1) { return number(n); }
    return "about " + number(Math.round(n));
  }

  // fn once the page's load event has passed (the first paint needs none of what fn draws)
  function afterLoad(fn) {
    if (document.readyState === "complete") { window.setTimeout(fn, 0); return; }
    window.addEventListener("load", function () { window.setTimeout(fn, 0); });
  }

  function isoDay(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function daysApart(a, b) { return Math.abs(Date.parse(a) - Date.parse(b)) / DAY_MS; }

  function normalise(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[\s\u2010-\u2015-]+/g, " ").trim();
  }

  function diameter(claims) {
    return claims ? Math.min(40, Math.round(11 + 5 * Math.sqrt(claims - 1))) : 11;
  }

  // A name on the map: a marker whose icon holds the name, placed by CSS (map.css: centred on
  // its point, or a village's beside it). A permanent L.tooltip measures its box as it is
  // added, a forced layout per label: the districts' 33 took 60-100 ms of the load (issue 14).
  function textLabel(latlng, text, className) {
    var icon = L.divIcon({ html: el("span", "leaflet-tooltip " + className, text), className: "geo-text-label",
      iconSize: null });
    return L.marker(latlng, { icon: icon, interactive: false, keyboard: false, pane: "tooltipPane" });
  }

  // Every settlement of the gazetteer as a dot, all in one layer of the map's canvas
  // renderer (the page sets preferCanvas): drawn as L.circleMarker draws one (radius
  // rounded, each dot filled on its own) and hit as it is hit (within the radius), so that
  // the districts beneath keep their clicks. 2,769 circle markers, each projected,
  // bounded and registered with the renderer, took a fifth of the 10,000-article map's
  // load (issue 14); one layer projects its points in a loop.
  var DotLayer = L.Path.extend({
    initialize: function (latlngs, options) {
      L.setOptions(this, options);
      this._latlngs = latlngs;
      this._points = [];
    },
    _project: function () {
      var r = this.options.radius, bounds = new L.Bounds(), map = this._map;
      this._points = this._latlngs.map(function (latlng) {
        var point = map.latLngToLayerPoint(latlng);
        bounds.extend(point);
        return point;
      });
      this._pxBounds = this._points.length ? L.bounds(bounds.min.subtract([r, r]), bounds.max.add([r, r])) : null;
    },
    _update: function () { if (this._map) { this._updatePath(); } },
    _updatePath: function () {
      var renderer = this._renderer;
      if (!renderer._drawing) { return; }  // the renderer calls back while it draws a frame
      var ctx = renderer._ctx, clip = renderer._redrawBounds, r = Math.max(Math.round(this.options.radius), 1);
      for (var i = 0; i < this._points.length; i++) {
        var p = this._points[i];
        if (clip && (p.x + r < clip.min.x || p.x - r > clip.max.x || p.y + r < clip.min.y || p.y - r > clip.max.y)) { continue; }
        ctx.beginPath();
        ctx.arc(p.x, p.y, r, 0, Math.PI * 2, false);
        renderer._fillStroke(ctx, this);
      }
    },
    _containsPoint: function (point) { return this.dotAt(point) >= 0; },
    // the number of the dot under a layer point (the nearest, within its radius), or -1
    dotAt: function (point) {
      var best = -1, reach = this.options.radius + this._clickTolerance(), nearest = reach;
      for (var i = 0; i < this._points.length; i++) {
        var d = point.distanceTo(this._points[i]);
        if (d <= nearest) { best = i; nearest = d; }
      }
      return best;
    }
  });

  // payload.py streams the records document by document. The page carries each document's
  // index only: D.docs ([number of claims, numbers of the places it mentions without a
  // claim, number of unresolved names]) and one column per claim field (D.claim_kind ...:
  // numbers into D.strings, 0 for null, written as digits(); D.claim_statement: 8
  // characters a claim; their encoding: payload.CLAIM_COLUMNS). A
  // claim's quotes, contexts and source come with its document's card (cards/KEY.js,
  // loaded by whenCards). Filters, counts, markers and the slider read the columns as
  // typed arrays; a claim becomes an object (D.claim(i)) only when a card, a feed line or
  // a history item shows it. What depends on the whole corpus is put together here: each
  // place's claim numbers (or, when no document ties a claim to it, the documents that
  // mention it), the contested claims of each place (D.contested: triples of claim, place and rival
  // numbers), the unplaced claims, the unresolved mentions, the claimants and the dates.
  // The integers of a payload.encode_digits string, as an Int32Array: each a zigzagged
  // number (-1 is 1, 1 is 2) in 5-bit digits, low first, 32 added while more follow, the
  // digits being base64's URL-safe letters. Half the bytes of a JSON array of decimals.
  var DIGIT = new Int32Array(128);
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".split("").forEach(function (ch, i) {
    DIGIT[ch.charCodeAt(0)] = i;
  });
  function digits(text) {
    var out = new Int32Array(text.length), z = 0, shift = 0, k = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGIT[text.charCodeAt(i)];
      if (shift < 30) { z |= (digit & 31) << shift; } else { z += (digit & 31) * Math.pow(2, shift); }
      if (digit < 32) {
        out[k++] = z & 1 ? -((z >>> 1) + 1) : z >>> 1;
        z = 0;
        shift = 0;
      } else {
        shift += 5;
      }
    }
    return out.slice(0, k);
  }

  function unpack(D) {
    DIGIT_MEMBERS.forEach(function (key) { D[key] = digits(D[key]); });
    var S = D.strings, n = D.claim_kind.length, nPlaces = D.places.length;
    var numberOf = new Map();
    S.forEach(function (text, i) { if (i) { numberOf.set(text, i); } });
    var C = {  // kind: its place in D.kinds; hold: 0, or 1 + 2 x the holder's place in D.sides + has_left
      claimant: D.claim_claimant, kind: new Int32Array(n), hold: new Int32Array(n),
      figure: D.claim_figure, reported: new Int32Array(n), side: new Int32Array(n),
      dayText: new Int32Array(n), day: new Int32Array(n),  // its string; days since 1970 (-1: undated)
      doc: new Int32Array(n)
    };
    var i, k, v, previous = 0;
    for (i = 0; i < n; i++) {
      v = D.claim_kind[i];
      C.kind[i] = v % D.kinds.length;
      C.hold[i] = Math.floor(v / D.kinds.length);
      v = D.claim_reported[i];  // 0: the claim before it's; -1: null
      C.reported[i] = previous = v === 0 ? previous : Math.max(v, 0);
    }
    C.dayText.set(C.reported);  // most claims' day is their reported date; the rest in pairs
    for (var q = 0; q < D.claim_day.length; q += 2) { C.dayText[D.claim_day[q]] = Math.max(D.claim_day[q + 1], 0); }
    var dayOf = new Map(), first = Infinity, last = -Infinity;
    C.dayText.forEach(function (number, i) {
      C.side[i] = D.claimant_side[C.claimant[i]];
      if (!number) { C.day[i] = -1; return; }
      if (!dayOf.has(number)) { dayOf.set(number, Math.round(Date.parse(S[number]) / DAY_MS)); }
      var day = C.day[i] = dayOf.get(number);
      if (day < first) { first = day; }
      if (day > last) { last = day; }
    });
    var firstClaim = [], unresolved = [], mentions = D.places.map(function () { return []; }), at = 0;
    D.docs.forEach(function (doc, d) {
      firstClaim.push(at);
      C.doc.fill(d, at, at + doc[0]);
      at += doc[0];
      doc[1].forEach(function (p) { mentions[p].push(d); });
      for (var u = 0; u < doc[2]; u++) { unresolved.push({ doc: d, n: u }); }
    });
    // each place's claim numbers, in claim order: counted, then laid out in one array. In
    // D.claim_place a claim's last place is its number, any before it -2 - number, and a
    // claim tied to no place is -1.
    var counts = new Int32Array(nPlaces + 1), unplaced = [], total = 0;
    for (i = 0, k = 0; k < D.claim_place.length; k++) {
      v = D.claim_place[k];
      if (v === -1) { unplaced.push(i); i += 1; continue; }
      counts[(v < 0 ? -2 - v : v) + 1] += 1;
      total += 1;
      if (v >= 0) { i += 1; }
    }
    for (k = 0; k < nPlaces; k++) { counts[k + 1] += counts[k]; }
    var byPlace = new Int32Array(total), fill = counts.slice(0, nPlaces);
    for (i = 0, k = 0; k < D.claim_place.length; k++) {
      v = D.claim_place[k];
      if (v !== -1) { byPlace[fill[v < 0 ? -2 - v : v]++] = i; }
      if (v >= 0 || v === -1) { i += 1; }
    }
    var contested = D.places.map(function () { return null; });
    for (i = 0; i < D.contested.length; i += 3) {  // claim, place, the claim it disagrees with
      var p = D.contested[i + 1];
      (contested[p] = contested[p] || new Map()).set(D.contested[i], D.contested[i + 2]);
    }
    var places = [], areas = [], region = null;
    D.places.forEach(function (place, p) {
      place.ids = byPlace.subarray(counts[p], counts[p + 1]);
      place.contested = contested[p];
      if (!place.ids.length) { place.mentions = mentions[p]; }
      // the place's claims as links ({c, id, contested}) for its cards, made when first asked
      Object.defineProperty(place, "claims", { get: function () {
        if (!place.links) {
          place.links = Array.prototype.map.call(place.ids, function (c) {
            var rival = place.contested ? place.contested.get(c) : undefined;
            return { c: c, id: place.place_id, contested: rival !== undefined, rival: rival };
          });
        }
        return place.links;
      } });
      if (place.place_type === "settlement") { places.push(place); }
      if (place.place_type === "district") { areas.push(place); }
      if (place.place_type === "region" && !region) { region = place; }
    });
    var claimants = new Int32Array(S.length);
    for (i = 0; i < n; i++) { claimants[C.claimant[i]] += 1; }
    var named = [];
    claimants.forEach(function (count, number) { if (count) { named.push(number); } });
    // by name (UTF-16 order: Python's code point order but for astral characters
    // against U+E000 to U+FFFF), the unnamed claimant last
    D.claimants = named.map(function (number) { return { name: S[number], n: number, claims: claimants[number] }; })
      .sort(function (a, b) {
        return (a.name === null) - (b.name === null) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
      });
    var statementKeys = null;
    // each claim's statement key (payload.statement_key: 48 bits in 8 base64 characters)
    // as a number, made when first asked: popups and the feed group claims by it, which
    // the first paint never does, and numbers group faster than strings
    D.statements = function () {
      if (!statementKeys) {
        var text = D.claim_statement, digit = new Int32Array(128);
        for (var b = 0; b < 64; b++) { digit[BASE64.charCodeAt(b)] = b; }
        statementKeys = new Float64Array(n);
        for (var c = 0, o = 0; c < n; c++) {
          var key = 0;
          for (var j = 0; j < 8; j++, o++) { key = key * 64 + digit[text.charCodeAt(o)]; }
          statementKeys[c] = key;
        }
      }
      return statementKeys;
    };
    var objects = new Array(n);
    // claim i as an object, made when first asked; its card adds its quote and source
    D.claim = function (i) {
      if (!objects[i]) {
        var h = C.hold[i] - 1;
        objects[i] = { statement: D.claim_statement.substr(8 * i, 8), claimant: S[C.claimant[i]],
          kind: D.kinds[C.kind[i]].kind, figure: C.figure[i] ? { text: S[C.figure[i]] } : null,
          reported: S[C.reported[i]], day: S[C.dayText[i]], side: S[C.side[i]],
          holding: h >= 0 ? [D.sides[h >> 1], !!(h & 1)] : null, source: C.doc[i] };
      }
      return objects[i];
    };
    D.C = C;
    D.numberOf = numberOf;
    D.nClaims = n;
    D.dates = n && first <= last ? [isoDay(first * DAY_MS), isoDay(last * DAY_MS)] : null;
    D.lastDay = Math.max(last, 0);  // the newest day, for sorting by day (controlIds)
    D.sources = D.docs.map(function () { return { file: null, ready: false }; });  // all from its card
    D.firstClaim = firstClaim;
    D.places = places;
    D.areas = areas;
    D.region = region;
    D.unplaced = unplaced;
    D.unresolved = unresolved;
    ["docs", "contested", "claimant_side", "claim_claimant", "claim_kind", "claim_figure", "claim_reported",
      "claim_day", "claim_place"].forEach(function (key) { delete D[key]; });
    return D;
  }

  /* ---- cards: each document's quotes, contexts and source, from cards/KEY.js ----
     geo/webmap/cards.py writes the card of document d into the shard named by its key,
     D.card_keys.substr(d * k, k), k the keys' length (card_keys' length over the documents';
     10 bits of a hash of its file name, 1,024 shards, up to 32,768 documents, then more:
     adding an article rewrites its key's shard only), one call
     geoCards(key, [card, ...]) holding the cards of the documents with that key in page order.
     A page from file:// may not fetch, but it may add a <script src>. Loads start once
     the page has loaded: the first paint needs no card.
     Card texts reach the page through textContent only, as every other text. */
  var CARD_SHARDS = new Map();  // key -> cards, from the shard's call until its onload takes them
  window.geoCards = function (k, cards) { CARD_SHARDS.set(k, cards); };
  var MISSING_CARDS = "The quotes and sources of this map are in the folder “cards” beside " +
    "index.html, which did not come with it.";

  function createCards(D) {
    var shards = new Map();  // key -> { state: "loading" | "loaded" | "missing", waiting: [] }
    var keyDocs = null;  // key -> the documents with that key, in page order (made when first asked)
    // every document has a key of one length (geo/webmap/cards.py: card_key_length)
    function cardKey(d) {
      var length = D.card_keys.length / D.sources.length;  // one source per document
      return D.card_keys.substr(d * length, length);
    }

    function docsOf(k) {
      if (!keyDocs) {
        keyDocs = new Map();
        D.sources.forEach(function (s, d) {
          var key = cardKey(d), docs = keyDocs.get(key);
          if (docs) { docs.push(d); } else { keyDocs.set(key, [d]); }
        });
      }
      return keyDocs.get(k) || [];
    }

    function fill(d, card) {  // a document's card onto its source and claims
      var s = D.sources[d], texts = card.texts || [];
      ["file", "title", "publisher", "published", "language", "url"].forEach(function (key) { s[key] = card[key]; });
      (card.claims || []).forEach(function (row, j) {
        var c = D.claim(D.firstClaim[d] + j);
        D.claim_fields.forEach(function (name, i) { c[name] = row[i]; });
        c.quote = texts[c.quote];
        c.source = d;
      });
      s.mentions = (card.mentions || []).map(function (m) {  // [place id, text, highlight]
        return { id: m[0], context: texts[m[1]], hl: m[2], source: d };
      });
      s.unresolved = (card.unresolved || []).map(function (u) {
        u.source = d;
        u.context = u.context === null ? null : texts[u.context];
        return u;
      });
      s.ready = true;
    }

    function load(k, done) {
      var shard = shards.get(k);
      if (shard && shard.state !== "loading") { done(shard.state === "loaded"); return; }
      if (shard) { shard.waiting.push(done); return; }
      shard = { state: "loading", waiting: [done] };
      shards.set(k, shard);
      function finish(state) {
        shard.state = state;
        shard.waiting.splice(0).forEach(function (fn) { fn(state === "loaded"); });
      }
      function start() {
        var script = document.createElement("script");
        script.onload = function () {  // its call has run: the element has done its work
          script.remove();
          var cards = CARD_SHARDS.get(k);
          CARD_SHARDS.delete(k);
          var docs = docsOf(k);
          if (cards && cards.length === docs.length) {
            cards.forEach(function (card, m) { fill(docs[m], card); });
          } else { cards = null; }  // not this page's shard (another build's): as if missing
          finish(cards ? "loaded" : "missing");
        };
        script.onerror = function () { script.remove(); finish("missing"); };
        script.src = "cards/" + k + ".js";
        document.head.appendChild(script);
      }
      afterLoad(start);
    }

    // done(ok) once the cards of documents `docs` are there (at once when they already are)
    function whenCards(docs, done) {
      var needed = new Set();
      docs.forEach(function (d) { if (!D.sources[d].ready) { needed.add(cardKey(d)); } });
      if (!needed.size) { done(true); return; }
      var left = needed.size, ok = true;
      needed.forEach(function (k) {
        load(k, function (loaded) {
          ok = ok && loaded;
          left -= 1;
          if (!left) { done(ok); }
        });
      });
    }

    // build() at once when the cards of `docs` are there, else a placeholder that build()'s
    // result replaces once they are; then `after` (the open popup's layout)
    function deferred(docs, build, after) {
      var node = null, result = null;
      whenCards(docs, function (ok) {
        var content = ok ? build() : el("p", "geo-note geo-cards-missing", MISSING_CARDS);
        if (!node) { result = content; return; }
        node.replaceWith(content);
        if (after) { after(); }
      });
      if (result) { return result; }
      node = el("div", "geo-loading", "loading the quotes…");
      return node;
    }
    deferred.shardsLoaded = function () {  // how many shards came (bench/bench_map.py)
      var n = 0;
      shards.forEach(function (shard) { n += shard.state === "loaded" ? 1 : 0; });
      return n;
    };
    return deferred;
  }

  /* ---- the reader: an article's full text, from articles/NN.js beside the page ----
     geo/webmap/articles.py writes the texts of the page's documents in shards; the shard
     of a document is FNV-1a over its file name's UTF-16 units, modulo one shard per
     ARTICLES_PER_SHARD documents of the page (both sides count the same docs). A page
     from file:// may not fetch, but it may add a <script src>: the shard calls
     geoArticles({file: text}). Texts go in as text nodes only. */
  var ARTICLES_PER_SHARD = 64;
  var ARTICLE_TEXTS = new Map();
  window.geoArticles = function (texts) {
    Object.keys(texts).forEach(function (file) { ARTICLE_TEXTS.set(file, String(texts[file])); });
  };

  function articleShard(file, nDocs) {
    var h = 0x811c9dc5;
    for (var i = 0; i < file.length; i++) { h = Math.imul(h ^ file.charCodeAt(i), 0x01000193); }
    return (h >>> 0) % Math.max(1, Math.ceil(nDocs / ARTICLES_PER_SHARD));
  }

  // Python's offsets count code points; a JavaScript string counts UTF-16 units
  function unitOffset(text, codePoints) {
    var unit = 0;
    for (var n = 0; n < codePoints && unit < text.length; n++) {
      var c = text.charCodeAt(unit);
      var pair = c >= 0xd800 && c < 0xdc00 && unit + 1 < text.length &&
        text.charCodeAt(unit + 1) >= 0xdc00 && text.charCodeAt(unit + 1) < 0xe000;
      unit += pair ? 2 : 1;
    }
    return unit;
  }

  function createReader(D) {
    var shards = new Map();  // index -> { state: "loading" | "loaded" | "missing", waiting: [] }
    var box = el("div", "geo-reader");
    box.id = "geo-reader";
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-modal", "true");
    box.hidden = true;
    var title = el("h2", "geo-reader-title");
    var about = el("div", "geo-reader-about");
    var close = el("button", "geo-reader-close", "×");
    close.type = "button";
    close.title = "Close the article (Esc)";
    close.setAttribute("aria-label", "Close the article");
    var body = el("div", "geo-reader-text");
    body.dir = "auto";
    body.tabIndex = 0;
    add(box, add(el("div", "geo-reader-head"), title, close), about, body);
    document.body.appendChild(box);
    var opener = null;

    function hide() {
      if (box.hidden) { return; }
      box.hidden = true;
      while (body.firstChild) { body.removeChild(body.firstChild); }
      if (opener && document.contains(opener)) { opener.focus(); }
      opener = null;
    }
    close.addEventListener("click", hide);
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && !box.hidden) { e.stopPropagation(); hide(); }
    }, true);

    function load(index, done) {
      var shard = shards.get(index);
      if (shard && shard.state !== "loading") { done(shard.state); return; }
      if (shard) { shard.waiting.push(done); return; }
      shard = { state: "loading", waiting: [done] };
      shards.set(index, shard);
      var script = document.createElement("script");
      function finish(state) {
        shard.state = state;
        shard.waiting.splice(0).forEach(function (fn) { fn(state); });
      }
      script.onload = function () { finish("loaded"); };
      script.onerror = function () { script.remove(); finish("missing"); };
      script.src = "articles/" + (index < 10 ? "0" : "") + index + ".js";
      document.head.appendChild(script);
    }

    function show(c, text) {
      var s = D.sources[c.source];
      title.textContent = visible(s.title || s.file);
      about.textContent = visible([s.publisher, s.published, s.file].filter(Boolean).join(" · "));
      while (body.firstChild) { body.removeChild(body.firstChild); }
      var start = unitOffset(text, c.start), end = unitOffset(text, c.end);
      var mark = el("mark", "geo-reader-quote", text.slice(start, end));
      add(body, text.slice(0, start), mark, text.slice(end));
      box.hidden = false;
      mark.scrollIntoView({ block: "center" });
      close.focus();
    }

    // the "read the article" button of one quote, and the line that says why it cannot open
    return function readButton(c) {
      var wrap = el("div", "geo-read");
      var button = el("button", "geo-small geo-read-button", "read the article");
      button.type = "button";
      var note = el("span", "geo-read-note");
      button.addEventListener("click", function (e) {
        e.preventDefault();
        e.stopPropagation();
        var file = D.sources[c.source].file;
        note.textContent = "opening…";
        load(articleShard(file, D.sources.length), function (state) {
          if (state === "missing") {
            note.textContent = "The article texts are not beside this map (the folder “articles” " +
              "did not come with index.html), so the article cannot be shown.";
          } else if (!ARTICLE_TEXTS.has(file)) {
            note.textContent = "The text of this article was not saved with the map " +
              "(its file had changed or was gone when the map was built).";
          } else {
            note.textContent = "";
            opener = button;
            show(c, ARTICLE_TEXTS.get(file));
          }
        });
      });
      return add(wrap, button, " ", note);
    };
  }

  function createApp(map, osm, D) {
    var readButton = createReader(D);
    var deferred = createCards(D);
    // a popup never wider than the map (a phone's screen), so that its close button stays on it
    var width = map.getSize().x;
    POPUP.maxWidth = Math.max(200, Math.min(560, width - 2 * PAN_PADDING - 48));  // 48: its frame
    POPUP.minWidth = Math.min(300, POPUP.maxWidth);
    var kindOrder = D.kinds.map(function (k) { return k.kind; });
    var kindLabel = {};
    D.kinds.forEach(function (k) { kindLabel[k.kind] = k.label; });
    var state = { kinds: {}, claimants: new Map(), from: "", to: "", undated: true, mentioned: true,
      side: "all", at: "" };
    kindOrder.forEach(function (kind) { state.kinds[kind] = true; });
    D.claimants.forEach(function (c) { state.claimants.set(claimantKey(c.name), true); });
    var F = {};
    D.settlement_fields.forEach(function (name, i) { F[name] = i; });

    function claimantKey(name) { return name === null ? "" : name; }
    function claimantLabel(name) { return name === null ? "claimant not named" : name; }

    // the filters as lookups over the claim columns, made again at every refresh (compile)
    var C = D.C, S = D.strings, claimAt = D.claim;
    var Q = { kind: null, claimant: null, side: -1, at: Infinity, from: -Infinity, to: Infinity };
    function dayNumber(iso) { return Math.round(Date.parse(iso) / DAY_MS); }
    function compileFilters() {
      Q.kind = Uint8Array.from(kindOrder, function (kind) { return state.kinds[kind] ? 1 : 0; });
      Q.claimant = new Uint8Array(S.length);
      D.claimants.forEach(function (c) { Q.claimant[c.n] = state.claimants.get(claimantKey(c.name)) ? 1 : 0; });
      Q.side = state.side === "all" ? -1 : D.numberOf.has(state.side) ? D.numberOf.get(state.side) : -2;
      Q.at = state.at ? dayNumber(state.at) : Infinity;
      Q.from = state.from ? dayNumber(state.from) : -Infinity;
      Q.to = state.to ? dayNumber(state.to) : Infinity;
      // no filter set (as the page opens): every claim passes, and 200,000 claims are not
      // each tested three times before the first paint
      Q.all = Q.side === -1 && state.undated && !state.at && !state.from && !state.to &&
        Q.kind.every(Boolean) && D.claimants.every(function (c) { return Q.claimant[c.n]; });
    }

    compileFilters();

    // whether claim i passes the filters; `ignore` ("kind", "claimant", "time") leaves one
    // out, so that the count beside each kind follows the other filters
    function passes(i, ignore) {
      if (Q.all) { return true; }
      if (ignore !== "kind" && !Q.kind[C.kind[i]]) { return false; }
      if (ignore !== "claimant" && !Q.claimant[C.claimant[i]]) { return false; }
      if (Q.side !== -1 && C.side[i] !== Q.side) { return false; }
      var day = C.day[i];  // payload.first_day: a week's or a month's first day; -1: undated
      if (day < 0) { return state.undated; }
      if (ignore === "time") { return true; }
      return day <= Q.at && day >= Q.from && day <= Q.to;
    }

    function holderOf(i) { return D.sides[(C.hold[i] - 1) >> 1]; }

    // a place's control claims (claim numbers), newest first (undated last), then in claim
    // order (a stable sort of ids, which are in claim order): the slider walks them often
    function controlIds(entry) {
      if (!entry.controlIds) {
        // sorted as numbers, (newest day - day) x claims + claim: a typed array sorts
        // natively, where a comparator over the 10,000-article map's 60,000 control claims
        // took 130 ms of its load (issue 14)
        var ids = entry.ids || [], keys = [], n = D.nClaims, top = D.lastDay;
        for (var k = 0; k < ids.length; k++) {
          var c = ids[k];
          if (C.hold[c]) { keys.push((top - C.day[c]) * n + c); }
        }
        entry.controlIds = Array.from(Float64Array.from(keys).sort(), function (key) { return key % n; });
      }
      return entry.controlIds;
    }

    // the same as links ({c, id}), for the control history
    function controlOf(entry) {
      return controlIds(entry).map(function (c) { return { c: c, id: entry.place_id }; });
    }

    // who holds a place per the newest control claim that passes the filters; `rival`: a
    // claim of the other side within CONTEST_DAYS of it (the two sides disagree that week)
    function holdingOf(entry) {
      var list = controlIds(entry), latest = -1, unknown = -1;
      for (var i = 0; i < list.length; i++) {
        var c = list[i];
        if (!passes(c)) { continue; }
        var holder = holderOf(c);
        if (holder === "unknown") { unknown = unknown < 0 ? c : unknown; continue; }
        if (latest < 0) { latest = c; continue; }
        var first = C.day[latest], day = C.day[c];
        if (first < 0 || day < 0 || Math.abs(first - day) >= CONTEST_DAYS) { break; }
        if (holder !== holderOf(latest)) { return { holder: holderOf(latest), latest: { c: latest }, rival: { c: c } }; }
      }
      if (latest >= 0) { return { holder: holderOf(latest), latest: { c: latest }, rival: null }; }
      return unknown >= 0 ? { holder: "unknown", latest: { c: unknown }, rival: null } : null;
    }

    // what a marker or polygon shows: the claims that pass the filters, by kind
    function summarise(entry) {
      var counts = new Int32Array(kindOrder.length), n = 0, contested = false, dominant = -1;
      var ids = entry.ids || [];
      for (var k = 0; k < ids.length; k++) {
        var c = ids[k];
        if (!passes(c)) { continue; }
        counts[C.kind[c]] += 1;
        n += 1;
      }
      if (entry.contested) {  // its few contested claims, not a lookup per claim
        entry.contested.forEach(function (rival, c) { contested = contested || passes(c); });
      }
      for (var i = 0; i < counts.length; i++) {
        if (counts[i] && (dominant < 0 || counts[i] > counts[dominant])) { dominant = i; }
      }
      return { n: n, kind: dominant < 0 ? null : kindOrder[dominant], contested: contested };
    }

    /* ---- claim cards (popups and side panel share them) ---- */

    function kindChip(kind) { return el("span", "geo-chip geo-k-" + kind); }

    function sourceNode(index) {
      var s = D.sources[index];
      var box = el("div", "geo-source");
      add(box, el("span", "geo-source-title", visible(s.title || "untitled")));
      [s.publisher, s.published].forEach(function (part) { if (part) { add(box, " · ", visible(part)); } });
      add(box, el("br"), el("span", "geo-file", visible(s.file)));
      if (s.url) { add(box, el("br"), el("span", "geo-url", visible(s.url))); }  // text to copy, never a link
      return box;
    }

    function figureNode(figure) {
      var box = el("div", "geo-figure");
      if (!figure) { return add(box, el("span", "geo-nums", "no figure given")); }
      return add(box, el("strong", null, figure.text), " ",
        el("span", "geo-nums", "low " + counted(figure.low) + " · best " + counted(figure.best) +
          " · high " + counted(figure.high)));
    }

    function whenText(c) {
      if (!c.reported) {
        var published = D.sources[c.source].published;
        return published ? "no date of its own; the article was published " + published
          : "undated: neither the claim nor its article gives a date";
      }
      return "reported " + c.reported +
        (c.reported_precision && c.reported_precision !== "day" ? " (" + c.reported_precision + ")" : "");
    }

    // the claims of `links` grouped by statement (payload.statement_key), newest first
    // (from the columns: the region's thousands of claims need no object each)
    function statementsOf(links) {
      var byId = new Map(), out = [], statement = D.statements();
      links.forEach(function (l) {
        var key = statement[l.c], st = byId.get(key);
        if (!st) { st = { links: [], day: -1 }; byId.set(key, st); out.push(st); }
        st.links.push(l);
        if (C.day[l.c] > st.day) { st.day = C.day[l.c]; }  // -1: undated, last
      });
      return out.sort(function (a, b) { return b.day - a.day || a.links[0].c - b.links[0].c; });
    }

    // the claim a contested one disagrees with, as the build found it (records.contested_rivals:
    // same kind, place and period, another claimant, figures that do not overlap)
    function rivalOf(link) {
      return link.rival !== undefined && link.rival >= 0 ? claimAt(link.rival) : null;
    }

    function claimSummary(c) {
      return claimantLabel(c.claimant) + ": " + (c.figure ? c.figure.text : kindLabel[c.kind]) +
        " (" + dayText(c) + ")";
    }

    // one card per statement: every quote and source that restates it
    function statementCard(st, context) {
      var link = st.links[0], c = claimAt(link.c);
      var contested = st.links.filter(function (l) { return l.contested; })[0];
      var card = el("article", "geo-claim geo-k-" + c.kind + (contested ? " is-contested" : ""));
      card.setAttribute("data-claim-id", c.claim_id);
      card.setAttribute("data-statement-id", c.statement_id);
      var head = add(el("div", "geo-claim-head"), kindChip(c.kind), el("span", "geo-claimant", claimantLabel(c.claimant)),
        " · ", kindLabel[c.kind]);
      if (contested) { add(head, el("span", "geo-badge", "contested")); }
      add(card, head);
      if (contested) {
        var rival = rivalOf(contested);
        if (rival) { add(card, el("div", "geo-against", "disagrees with " + claimSummary(rival))); }
      }
      add(card, figureNode(c.figure), el("div", "geo-when", whenText(c)),
        c.subject ? el("div", "geo-when", "about: " + c.subject) : null);
      if (st.links.length > 1) {
        var outlets = new Set(st.links.map(function (l) {
          var s = D.sources[claimAt(l.c).source];
          return s.publisher || s.file;
        })).size;
        add(card, el("div", "geo-reported", "reported by " + outlets + (outlets === 1 ? " outlet" : " outlets") +
          (st.links.length > outlets ? ", " + st.links.length + " times" : "")));
      }
      st.links.forEach(function (l) {
        var q = claimAt(l.c), at = linkAt(l);
        add(card, add(el("div", "geo-report"), marked("blockquote", "geo-quote", q.quote, at[2]),
          sourceNode(q.source), readButton(q),
          at[1] ? el("div", "geo-when", "tied to the place by " + at[1]) : null));
      });
      return card;
    }

    // [place id, link, highlight spans] of a claim at the place of `l`, from its card
    function linkAt(l) {
      var at = claimAt(l.c).at || [];
      for (var i = 0; i < at.length; i++) { if (at[i][0] === l.id) { return at[i]; } }
      return [l.id, null, []];
    }

    // the documents whose cards the claims of `links` are in
    function docsOf(links) { return links.map(function (l) { return claimAt(l.c).source; }); }

    // statement cards, newest first: the first CARDS, then "show more"; each chunk is drawn
    // once the cards of its claims are loaded
    function statementCards(links, context) {
      var box = el("div", "geo-claims");
      pagedList(box, statementsOf(links), function (chunk) {
        var docs = [].concat.apply([], chunk.map(function (st) { return docsOf(st.links); }));
        return deferred(docs, function () {
          return add.apply(null, [document.createDocumentFragment()].concat(chunk.map(function (st) {
            return statementCard(st, context);
          })));
        }, relayout);
      }, CARDS);
      return box;
    }

    // what a control claim says: the subject's side holds it, or left it to the other side
    var LEFT_BY = { russia: "Ukraine", ukraine: "Russia", unknown: "a side" };
    function holdingText(c) {
      var holder = SIDES[c.holding[0]];
      return c.holding[1] ? LEFT_BY[c.holding[0]] + " left: held by " + holder : "held by " + holder;
    }

    function dayText(c) { return c.reported || (c.day ? c.day + " (published)" : "undated"); }

    // the control history of a place: what each claim says, newest first
    function controlHistory(entry) {
      var list = controlOf(entry).filter(function (l) { return passes(l.c); });
      if (!list.length) { return null; }
      var h = holdingOf(entry);
      var box = add(el("section", "geo-history"), add(el("h4", "geo-kind-head"), "Who holds it"));
      if (h) {
        var now = claimAt(h.latest.c);
        add(box, el("p", "geo-holding geo-hold-" + h.holder + (h.rival ? " is-split" : ""),
          h.rival ? "contested: " + claimantLabel(now.claimant) + " says " + SIDES[h.holder] + ", " +
            claimantLabel(claimAt(h.rival.c).claimant) + " says " + SIDES[claimAt(h.rival.c).holding[0]] +
            " within " + CONTEST_DAYS + " days"
            : "held by " + SIDES[h.holder] + " according to " + claimantLabel(now.claimant) + ", " + dayText(now)));
      }
      var ol = el("div", "geo-history-list");
      pagedList(ol, list, function (chunk) {
        return deferred(docsOf(chunk), function () {
          return add.apply(null, [document.createDocumentFragment()].concat(chunk.map(function (l) {
            var c = claimAt(l.c);
            return add(el("div", "geo-history-item geo-hold-" + c.holding[0]),
              add(el("div", "geo-claim-head"), el("span", "geo-date", dayText(c)), " · ",
                el("span", "geo-claimant", claimantLabel(c.claimant)), " · ", holdingText(c)),
              marked("blockquote", "geo-quote", c.quote, linkAt(l)[2]), sourceNode(c.source));
          })));
        }, relayout);
      }, CARDS);
      return add(box, ol);
    }

    // the mentions of a place in the documents `docs` (the first MAX_MENTIONS), from their cards
    function mentionList(id, docs) {
      var listed = docs.slice(0, MAX_MENTIONS);
      return deferred(listed, function () {
        var mentions = [].concat.apply([], listed.map(function (d) {
          return (D.sources[d].mentions || []).filter(function (m) { return m.id === id; });
        }));
        var box = add(el("div", "geo-mentions"), el("h4", "geo-kind-head", "Mentioned " +
          (docs.length > listed.length ? "in " + docs.length + " articles" : mentions.length + "×") + ", no claim"));
        mentions.forEach(function (m) {
          add(box, marked("blockquote", "geo-quote", m.context, m.hl), sourceNode(m.source));
        });
        if (docs.length > listed.length) {
          add(box, el("p", "geo-note", (docs.length - listed.length) + " more articles mention it, not listed"));
        }
        return box;
      }, relayout);
    }

    // a place's cards; with `hasHistory`, its control claims are in the history above instead
    function entryBody(root, entry, hasHistory) {
      var links = entry.claims || [];
      var hidden = links.filter(function (l) { return !passes(l.c); }).length;
      var shown = links.filter(function (l) { return passes(l.c) && !(hasHistory && C.hold[l.c]); });
      if (shown.length) { add(root, statementCards(shown, links)); }
      if (hidden) { add(root, el("p", "geo-note", hidden + " claim(s) hidden by the filters")); }
      if (!links.length) { add(root, mentionList(entry.place_id, entry.mentions || [])); }
      return root;
    }

    function titleNode(name, local) {
      var title = add(el("div", "geo-title"), el("strong", "geo-name", name));
      if (local && local !== name) { add(title, el("span", "geo-local", local)); }
      return title;
    }

    function popupRoot(id, name, local, meta) {
      var root = add(el("div", "geo-popup"), titleNode(name, local), el("div", "geo-meta", meta));
      root.setAttribute("data-place-id", id);
      return root;
    }

    // the documents whose cards a popup shows first: its first CARDS statements and, with
    // `withHistory`, its first CARDS control claims; loaded together, the popup is laid out once
    function firstDocs(entry, withHistory) {
      var history = withHistory ? controlOf(entry).filter(function (l) { return passes(l.c); }) : [];
      var shown = (entry.claims || []).filter(function (l) { return passes(l.c) && !(history.length && C.hold[l.c]); });
      var docs = docsOf(history.slice(0, CARDS));
      statementsOf(shown).slice(0, CARDS).forEach(function (st) { docs = docs.concat(docsOf(st.links)); });
      return docs;
    }

    function placePopup(place) {
      var meta = [place.admin2, place.category, PRECISION[place.geo_precision]].filter(Boolean);
      var root = popupRoot(place.place_id, place.name, place.name_local, meta.join(" · "));
      return add(root, deferred(firstDocs(place, true), function () {
        var body = document.createDocumentFragment(), history = controlHistory(place);
        add(body, history);
        return entryBody(body, place, !!history);
      }, relayout));
    }

    function areaPopup(area, note) {
      return add(popupRoot(area.place_id, area.name, area.name_local, note), deferred(firstDocs(area, false),
        function () { return entryBody(document.createDocumentFragment(), area); }, relayout));
    }

    /* ---- basemap: districts, outline, settlement dots and labels ---- */

    var areaById = new Map();
    D.areas.forEach(function (a) { areaById.set(a.place_id, a); });
    var districtGroup = L.featureGroup();
    var districtLayers = [];
    var districtLabels = L.layerGroup(), cityLabels = L.layerGroup();
    var DISTRICT_NOTE = "claims about the district as a whole, drawn on its area";

    function areaStyle(entry, base) {
      var s = entry ? summarise(entry) : { n: 0 };
      if (!s.n) { return base; }
      var color = D.kinds[kindOrder.indexOf(s.kind)].color;
      return L.extend({}, base, { fill: true, fillColor: color, fillOpacity: 0.22,
        dashArray: s.contested ? "6 4" : null });
    }

    var DISTRICT_BASE = { color: "#7a7a7a", weight: 1, opacity: 0.9, fill: false, fillOpacity: 0 };
    D.districts.forEach(function (d) {
      var area = areaById.get(d.id);
      var layer = L.geoJSON({ type: "Feature", geometry: d.geometry, properties: {} },
        { interactive: !!area, style: function () { return areaStyle(area, DISTRICT_BASE); } });
      if (area) { layer.bindPopup(function () { return areaPopup(area, DISTRICT_NOTE); }, POPUP); }
      districtLayers.push({ layer: layer, area: area });
      districtGroup.addLayer(layer);
      if (d.label) {
        (d.kind === "city_okrug" ? cityLabels : districtLabels).addLayer(
          textLabel([d.label.lat, d.label.lon], d.name, "geo-district-label"));
      }
    });

    var OUTLINE_BASE = { color: "#2b2b2b", weight: 2.5, opacity: 0.9, fill: false };
    function outlineStyle() {
      var style = areaStyle(D.region, OUTLINE_BASE);
      return style === OUTLINE_BASE ? style : L.extend(style, { fill: false, weight: 4, color: style.fillColor });
    }
    var outline = L.geoJSON(D.outline, { interactive: !!D.region, style: outlineStyle });
    var REGION_NOTE = "claims about the oblast as a whole, drawn on its outline";
    if (D.region) { outline.bindPopup(function () { return areaPopup(D.region, REGION_NOTE); }, POPUP); }

    var dots = new DotLayer(D.settlements.map(function (row) { return L.latLng(row[F.lat], row[F.lon]); }),
      { radius: 2.3, stroke: false, fill: true, fillColor: "#4a4a4a", fillOpacity: 0.45 });

    var labels = L.layerGroup();
    var labelCache = new Map();
    // Labels never overlap: each is measured (a canvas, the label's font) and placed in
    // priority order (villages with claims, then by population), and a label that would
    // cover one already placed, or a district's name, is left out at this zoom.
    var measure = document.createElement("canvas").getContext("2d");
    var claimedIds = new Set(D.places.map(function (p) { return p.place_id; }));
    function textWidth(text, font) { measure.font = font; return measure.measureText(text).width; }
    function overlaps(box, boxes) {
      return boxes.some(function (b) { return box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3]; });
    }
    function refreshLabels() {
      labels.clearLayers();
      if (map.getZoom() < LABEL_ZOOM || !map.hasLayer(dots)) { return; }
      var bounds = map.getBounds().pad(0.1), picked = [], taken = [];
      D.settlements.forEach(function (row, i) {
        if (bounds.contains([row[F.lat], row[F.lon]])) { picked.push(i); }
      });
      picked.sort(function (a, b) {
        var x = D.settlements[a], y = D.settlements[b];
        return claimedIds.has(y[F.id]) - claimedIds.has(x[F.id]) || y[F.population] - x[F.population] || a - b;
      });
      if (map.hasLayer(districtGroup)) {
        D.districts.forEach(function (d) {
          if (!d.label) { return; }
          var c = map.latLngToContainerPoint([d.label.lat, d.label.lon]);
          var w = textWidth(d.name, "600 12px system-ui, sans-serif") / 2 + 2;
          taken.push([c.x - w, c.y - 9, c.x + w, c.y + 9]);
        });
      }
      var placed = 0;
      for (var k = 0; k < picked.length && placed < MAX_LABELS; k++) {
        var i = picked[k], row = D.settlements[i];
        var p = map.latLngToContainerPoint([row[F.lat], row[F.lon]]);
        var box = [p.x + 9, p.y - 8, p.x + 17 + textWidth(row[F.name], "11px system-ui, sans-serif"), p.y + 8];
        if (overlaps(box, taken)) { continue; }
        taken.push(box);
        placed += 1;
        if (!labelCache.has(i)) {
          labelCache.set(i, textLabel([row[F.lat], row[F.lon]], row[F.name], "geo-label"));
        }
        labels.addLayer(labelCache.get(i));
      }
    }
    function refreshDistrictLabels() {
      [[districtLabels, DISTRICT_LABEL_ZOOM], [cityLabels, CITY_LABEL_ZOOM]].forEach(function (pair) {
        if (map.getZoom() >= pair[1] && map.hasLayer(districtGroup)) {
          pair[0].addTo(map);
        } else {
          pair[0].remove();
        }
      });
    }

    /* ---- markers ---- */

    var cluster = L.markerClusterGroup({
      animate: false,  // synchronous re-clustering: search can open a popup right after setView
      disableClusteringAtZoom: CLUSTER_UNTIL_ZOOM, maxClusterRadius: 45,
      showCoverageOnHover: false, spiderfyOnMaxZoom: true, iconCreateFunction: clusterIcon
    });

    // a cluster of villages someone holds shows the share of each holder round its count,
    // so that who holds what reads at the oblast's zoom too; any other cluster as usual
    var HOLD_COLORS = { russia: "#c0392b", ukraine: "#2166ac", unknown: "#8c8c8c" };
    function clusterIcon(group) {
      var children = group.getAllChildMarkers(), held = { russia: 0, ukraine: 0, unknown: 0 }, n = 0;
      children.forEach(function (m) { if (m.options.hold) { held[m.options.hold] += 1; n += 1; } });
      var size = children.length < 10 ? "small" : children.length < 100 ? "medium" : "large";
      var inner = add(el("div"), el("span", null, String(children.length)));
      var box = el("div");
      if (n) {
        var stops = [], at = 0;
        ["russia", "ukraine", "unknown"].forEach(function (side) {
          var share = 100 * held[side] / children.length;
          if (share) { stops.push(HOLD_COLORS[side] + " " + at + "% " + (at + share) + "%"); }
          at += share;
        });
        if (at < 100) { stops.push("rgba(120, 120, 120, .35) " + at + "% 100%"); }
        box.style.background = "conic-gradient(" + stops.join(", ") + ")";
        inner.style.background = "rgba(255, 255, 255, .9)";
      }
      add(box, inner);
      return L.divIcon({ html: box, className: "marker-cluster marker-cluster-" + size + (n ? " geo-held-cluster" : ""),
        iconSize: L.point(40, 40) });
    }
    var icons = new Map();
    // a village someone holds is drawn in that side's colour, split where the sides disagree;
    // any other place in the colour of the kind most claimed there
    function iconFor(s, h) {
      var size = diameter(s.n);
      var className = "geo-pin " + (h ? "geo-hold geo-hold-" + h.holder + (h.rival ? " is-split" : "")
        : (s.n ? "geo-k-" + s.kind : "is-mentioned") + (s.contested ? " is-contested" : ""));
      var key = className + "|" + size;
      if (!icons.has(key)) { icons.set(key, L.divIcon({ className: className, iconSize: [size, size], html: "" })); }
      return icons.get(key);
    }
    var markerById = new Map();
    var markers = D.places.map(function (place) {
      var marker = L.marker([place.lat, place.lon], { title: place.name, riseOnHover: true });
      marker.on("add", function () { marker.getElement().setAttribute("data-place-id", place.place_id); });
      marker.place = place;
      markerById.set(place.place_id, marker);
      return marker;
    });
    // A marker's popup is bound when it is first clicked or opened (binding 1,500 as the
    // page opened was 20 ms of its load); once bound, Leaflet opens and closes it itself.
    function withPopup(marker) {
      if (!marker.getPopup()) { marker.bindPopup(function () { return placePopup(marker.place); }, POPUP); }
      return marker;
    }
    cluster.on("click keypress", function (e) {  // a marker's events reach its group
      var marker = e.layer;
      if (!marker || !marker.place || marker.getPopup()) { return; }
      if (e.type === "keypress" && e.originalEvent.keyCode !== 13) { return; }  // Enter, as Leaflet's
      withPopup(marker).openPopup();
    });

    // Only what changed is redrawn: dragging the time slider over 3,000 villages changes
    // a few icons and adds or removes a few markers; re-clustering every marker on every
    // step took 90 ms (bench/bench_map.py), too slow to follow a drag.
    var isShown = [], iconOf = [];
    function refreshMarkers() {
      var shown = [], holdsChanged = [];
      D.places.forEach(function (place, i) {
        var s = summarise(place);
        var hasClaims = place.ids.length > 0;
        if (s.n || (!hasClaims && state.mentioned)) {
          var h = s.n ? holdingOf(place) : null;
          var icon = iconFor(s, h);
          var hold = h ? h.holder : null;
          if (markers[i].options.hold !== hold) { markers[i].options.hold = hold; holdsChanged.push(markers[i]); }
          if (iconOf[i] !== icon) {
            iconOf[i] = icon;
            markers[i].setIcon(icon);
            var element = markers[i].getElement();  // setIcon made a new element
            if (element) { element.setAttribute("data-place-id", place.place_id); }
          }
          shown.push(i);
        }
      });
      var now = [], added = [], removed = [];
      shown.forEach(function (i) { now[i] = true; if (!isShown[i]) { added.push(markers[i]); } });
      isShown.forEach(function (was, i) { if (was && !now[i]) { removed.push(markers[i]); } });
      isShown = now;
      if (removed.length) { cluster.removeLayers(removed); }
      if (added.length) { cluster.addLayers(added); }
      if (holdsChanged.length) { cluster.refreshClusters(holdsChanged); }  // their clusters' rings
    }

    function refreshAreas() {
      districtLayers.forEach(function (d) { d.layer.setStyle(areaStyle(d.area, DISTRICT_BASE)); });
      outline.setStyle(outlineStyle());
    }

    /* ---- search ---- */

    var searchEntries = null;
    function searchIndex() {
      if (searchEntries) { return searchEntries; }
      var placeIndex = new Map();
      D.places.forEach(function (p, i) { placeIndex.set(p.place_id, i); });
      searchEntries = D.settlements.map(function (row) {
        var names = [row[F.name], row[F.name_local]].concat(row[F.alternates] ? row[F.alternates].split("|") : []);
        var i = placeIndex.has(row[F.id]) ? placeIndex.get(row[F.id]) : -1;
        placeIndex.delete(row[F.id]);
        return { id: row[F.id], name: row[F.name], local: row[F.name_local], lat: row[F.lat], lon: row[F.lon],
          district: row[F.district] >= 0 ? D.districts[row[F.district]].name : "",
          population: row[F.population], place: i, keys: names.map(normalise) };
      });
      placeIndex.forEach(function (i) {
        var p = D.places[i];
        searchEntries.push({ id: p.place_id, name: p.name, local: p.name_local, lat: p.lat, lon: p.lon, district: p.admin2 || "",
          population: 0, place: i, keys: [normalise(p.name), normalise(p.name_local)] });
      });
      searchEntries.forEach(function (e) {
        if (e.place >= 0) { e.lat = D.places[e.place].lat; e.lon = D.places[e.place].lon; }
      });
      return searchEntries;
    }

    function claimCount(entry) { return entry.place >= 0 ? D.places[entry.place].ids.length : -1; }

    // exact name first, then names that start with the query, then names that contain it
    // the edit distance of a and b (insertions, deletions, substitutions), or max + 1 as
    // soon as it must exceed max
    function editDistance(a, b, max) {
      if (Math.abs(a.length - b.length) > max) { return max + 1; }
      var prev = [], j;
      for (j = 0; j <= b.length; j++) { prev.push(j); }
      for (var i = 1; i <= a.length; i++) {
        var cur = [i], best = i;
        for (j = 1; j <= b.length; j++) {
          cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
          best = Math.min(best, cur[j]);
        }
        if (best > max) { return max + 1; }
        prev = cur;
      }
      return prev[b.length];
    }

    // how many typing slips a query may hold: "Sudja", "Sudsha" and "Martinovka" find theirs
    function allowedSlips(q) { return q.length <= 4 ? 1 : q.length <= 8 ? 2 : 3; }

    // exact name first, then names that start with the query, then names that contain it,
    // then names within a few edits of it (every name form: Latin, Cyrillic, alternates),
    // the nearest first; returns the first MAX_FOUND and how many matched in all
    var MAX_FOUND = 12;
    function find(query) {
      var q = normalise(query);
      if (!q) { return { entries: [], total: 0 }; }
      var hits = [], fuzzy = [], slips = allowedSlips(q);
      searchIndex().forEach(function (entry) {
        var rank = 3;
        entry.keys.forEach(function (key) {
          var r = key === q ? 0 : key.indexOf(q) === 0 ? 1 : key.indexOf(q) > 0 ? 2 : 3;
          rank = Math.min(rank, r);
        });
        if (rank < 3) { hits.push({ rank: rank, entry: entry }); } else { fuzzy.push(entry); }
      });
      fuzzy.forEach(function (entry) {
        var d = slips + 1;
        entry.keys.forEach(function (key) { d = Math.min(d, editDistance(q, key, slips)); });
        if (d <= slips) { hits.push({ rank: 3 + d, entry: entry }); }
      });
      hits.sort(function (a, b) {
        return a.rank - b.rank || claimCount(b.entry) - claimCount(a.entry) ||
          b.entry.population - a.entry.population || (a.entry.name < b.entry.name ? -1 : a.entry.name > b.entry.name ? 1 : 0);
      });
      return { entries: hits.slice(0, MAX_FOUND).map(function (h) { return h.entry; }), total: hits.length };
    }

    function settlementPopup(entry) {
      var meta = [entry.district, entry.population ? "population " + number(entry.population) : ""];
      return add(popupRoot(entry.id, entry.name, entry.local, meta.filter(Boolean).join(" · ")),
        el("p", "geo-note", "No mention of this settlement in the corpus."));
    }

    function openPlace(i) {
      var p = D.places[i];
      goTo({ id: p.place_id, name: p.name, local: p.name_local, lat: p.lat, lon: p.lon, place: i });
    }

    function goTo(entry) {
      map.setView([entry.lat, entry.lon], Math.max(map.getZoom(), SEARCH_ZOOM), { animate: false });
      var marker = entry.place >= 0 ? markers[entry.place] : null;
      if (marker && cluster.hasLayer(marker)) {
        cluster.zoomToShowLayer(marker, function () { withPopup(marker).openPopup(); });
      } else if (entry.place >= 0) {
        L.popup(POPUP).setLatLng([entry.lat, entry.lon]).setContent(placePopup(D.places[entry.place])).openOn(map);
      } else {
        L.popup(POPUP).setLatLng([entry.lat, entry.lon]).setContent(settlementPopup(entry)).openOn(map);
      }
    }

    function entryLabel(entry) {
      var n = claimCount(entry);
      return entry.name + " / " + entry.local + (entry.district ? " — " + entry.district : "") +
        (n > 0 ? " — " + n + " claim(s)" : n === 0 ? " — mentioned" : "");
    }

    function search(query) {
      var results = document.getElementById("geo-results");
      results.textContent = "";
      var result = find(query), found = result.entries;
      if (!found.length) {
        add(results, el("li", "geo-miss", "No settlement of the gazetteer is called “" + query + "”, or nearly so."));
        return null;
      }
      found.forEach(function (entry) {
        var button = el("button", null, entryLabel(entry));
        button.type = "button";
        button.addEventListener("click", function () { goTo(entry); });
        add(results, add(el("li"), button));
      });
      if (result.total > found.length) {
        add(results, el("li", "geo-miss geo-more-found", "and " + (result.total - found.length) +
          " more; type more of the name to narrow the list"));
      }
      goTo(found[0]);
      return found[0];
    }

    // a dot of a mentioned place leads to its marker; any other dot just names itself
    dots.on("click", function (e) {
      var entry = searchIndex()[dots.dotAt(e.layerPoint)];
      if (entry && entry.place >= 0) {
        goTo(entry);
      } else if (entry) {
        L.popup(POPUP).setLatLng([entry.lat, entry.lon]).setContent(settlementPopup(entry)).openOn(map);
      }
    });

    /* ---- side panel ---- */

    // the first `size` items (default PAGE), then a "show more" button for the next ones
    function pagedList(container, items, render, size) {
      var page = size || PAGE;
      container.textContent = "";
      var shown = 0;
      var more = el("button", "geo-more");
      more.type = "button";
      function next() {
        var chunk = items.slice(shown, shown + page);
        shown += chunk.length;
        container.insertBefore(render(chunk), more);
        more.textContent = "show " + Math.min(page, items.length - shown) + " more of " + (items.length - shown);
        more.hidden = shown >= items.length;
      }
      more.addEventListener("click", next);
      add(container, more);
      next();
    }

    function claimsPanel(links) {
      var shown = links.filter(function (l) { return passes(l.c); });
      var box = el("div");
      if (!shown.length) { return add(box, el("p", "geo-note", links.length ? "All hidden by the filters." : "None.")); }
      add(box, statementCards(shown, links));
      return box;
    }

    var settlementById = null;
    function candidateText(ids) {
      if (!settlementById) {
        settlementById = new Map();
        D.settlements.forEach(function (row) { settlementById.set(row[F.id], row); });
      }
      var known = settlementById;
      var text = ids.slice(0, MAX_CANDIDATES).map(function (id) {
        var row = known.get(id);
        return row ? row[F.name] + " (" + (row[F.district] >= 0 ? D.districts[row[F.district]].name : "?") + ") " + id : id;
      }).join("; ");
      return ids.length > MAX_CANDIDATES ? text + "; and " + (ids.length - MAX_CANDIDATES) + " more" : text;
    }

    // rows of unresolved mentions ({doc, n}: the n-th of its document's card), once loaded
    function unresolvedRows(rows) {
      return deferred(rows.map(function (r) { return r.doc; }), function () {
        var box = el("div");
        rows.forEach(function (r) {
          var u = D.sources[r.doc].unresolved[r.n];
          add(box, add(el("div", "geo-unresolved"),
            add(el("div"), el("strong", null, u.surface), " — ", u.reason),
            u.context !== null ? marked("blockquote", "geo-quote", u.context, u.hl) : null,
            el("div", "geo-muted", u.candidates.length ? u.candidates.length + " candidate(s): " + candidateText(u.candidates) : "no candidate"),
            sourceNode(u.source)));
        });
        return box;
      });
    }

    function areaPanel() {
      var box = el("div");
      D.areas.forEach(function (area) {
        var s = summarise(area);
        if (!area.ids.length) { return; }
        var button = el("button", null, area.name + " (" + s.n + " of " + area.ids.length + " shown)");
        button.type = "button";
        button.addEventListener("click", function () {
          var d = districtLayers.filter(function (x) { return x.area === area; })[0];
          if (d) { map.fitBounds(d.layer.getBounds()); d.layer.openPopup(d.layer.getBounds().getCenter()); }
        });
        add(box, add(el("div"), button), claimsPanel(area.claims));
      });
      return box;
    }

    var panels = {
      "geo-region": function () { return claimsPanel(D.region ? D.region.claims : []); },
      "geo-areas": areaPanel,
      "geo-unplaced": function () { return claimsPanel(D.unplaced.map(function (c) { return { c: c, id: null }; })); },
      "geo-unresolved": function () { var box = el("div"); pagedList(box, D.unresolved, unresolvedRows); return box; },
      "geo-feed": feedPanel
    };
    function renderPanel(id) {
      var details = document.getElementById(id);
      if (!details || !details.open) { return; }
      var list = details.querySelector(".geo-list");
      list.textContent = "";
      add(list, panels[id]());
    }
    Object.keys(panels).forEach(function (id) {
      var details = document.getElementById(id);
      if (details) { details.addEventListener("toggle", function () { renderPanel(id); }); }
    });

    function checkbox(container, label, count, checked, onChange, chip) {
      var input = el("input");
      input.type = "checkbox";
      input.checked = checked;
      input.addEventListener("change", function () { onChange(input.checked); });
      input.countNode = el("span", "geo-n", "(" + count + ")");
      add(container, add(el("label"), input, " ", chip || null, label, " ", input.countNode));
      return input;
    }

    // `quick` (the time slider while it is dragged): the map and the counts, not the lists
    function refresh(quick) {
      compileFilters();
      refreshMarkers();
      refreshAreas();
      refreshCounts();
      if (!quick) { Object.keys(panels).forEach(renderPanel); }
    }

    var kindBoxes = [], claimantBoxes = [];
    // the header's "showing N of M" and the count beside each kind and claimant, each
    // counted under the other filters; a filter that empties the map says which one
    function refreshCounts() {
      var kinds = new Int32Array(kindOrder.length), who = new Int32Array(S.length), n = 0, undatedHidden = 0;
      for (var i = 0; i < D.nClaims; i++) {  // passes() three ways, each test made once
        var rest = passes(i, "kind"), byKind = Q.kind[C.kind[i]];
        var byClaimant = rest ? byKind : byKind && passes(i, "claimant");
        if (rest && byKind) { n += 1; }
        if (rest) { kinds[C.kind[i]] += 1; }
        if (byClaimant) { who[C.claimant[i]] += 1; }
        if (C.day[i] < 0 && !state.undated) { undatedHidden += 1; }
      }
      kindBoxes.forEach(function (box, k) { box.countNode.textContent = "(" + kinds[k] + ")"; });
      claimantBoxes.forEach(function (box, k) { box.countNode.textContent = "(" + who[D.claimants[k].n] + ")"; });
      var text = "showing " + number(n) + " of " + number(D.nClaims) + " claims";
      if (!n && D.nClaims) {
        text += !undatedHidden ? ": no claim passes the filters"
          : undatedHidden === 1 ? ": the one undated claim is hidden (tick “undated claims”)"
          : ": the " + number(undatedHidden) + " undated claims are hidden (tick “undated claims”)";
      }
      document.getElementById("geo-showing").textContent = text;
      refreshHistogram();
    }

    /* ---- time: the slider and the claims per week ---- */

    var weeks = [];  // [{ start: ISO day, bar: element }], 7-day bins from the first date
    function buildTime() {
      var box = document.getElementById("geo-time");
      if (!D.dates) { box.hidden = true; return; }
      var first = Date.parse(D.dates[0]), span = Math.round(daysApart(D.dates[0], D.dates[1]));
      var slider = document.getElementById("geo-at"), label = document.getElementById("geo-at-label");
      slider.max = String(span);
      slider.value = String(span);
      var histogram = document.getElementById("geo-histogram");
      for (var d = 0; d <= span; d += 7) {
        var bar = el("span", "geo-bar");
        weeks.push({ start: isoDay(first + d * DAY_MS), bar: bar });
        add(histogram, bar);
      }
      var queued = false;
      function move(quick) {
        var v = Number(slider.value);
        state.at = v >= span ? "" : isoDay(first + v * DAY_MS);
        label.textContent = state.at || "the latest date";
        if (!quick) { refresh(); return; }
        if (queued) { return; }
        queued = true;
        window.requestAnimationFrame(function () { queued = false; refresh(true); });
      }
      slider.addEventListener("input", function () { move(true); });
      slider.addEventListener("change", function () { move(false); });
    }
    function refreshHistogram() {
      if (!weeks.length) { return; }
      var counts = weeks.map(function () { return 0; }), first = dayNumber(weeks[0].start);
      for (var i = 0; i < D.nClaims; i++) {
        if (C.day[i] >= 0 && passes(i, "time")) {
          var w = Math.floor((C.day[i] - first) / 7);
          if (w >= 0 && w < counts.length) { counts[w] += 1; }
        }
      }
      var top = Math.max.apply(null, counts.concat([1]));
      weeks.forEach(function (week, w) {
        week.bar.style.height = Math.round(100 * counts[w] / top) + "%";
        week.bar.title = "week of " + week.start + ": " + counts[w] + " claim(s)";
        week.bar.classList.toggle("is-after", !!state.at && week.start > state.at);
      });
    }

    /* ---- the feed: claims of the places in view, newest first ---- */

    function feedPanel() {
      // each line a number, ((newest day - day) x claims + claim) x places + place, sorted
      // natively: objects sorted by a comparator took half a second on 200,000 claims
      var bounds = map.getBounds(), keys = [], n = D.nClaims, top = D.lastDay, nPlaces = D.places.length;
      var statement = D.statements();
      D.places.forEach(function (place, i) {
        if (!bounds.contains([place.lat, place.lon])) { return; }
        var ids = place.ids, seen = new Set();
        for (var k = 0; k < ids.length; k++) {  // one line per statement and place
          var c = ids[k];
          if (!passes(c) || seen.has(statement[c])) { continue; }
          seen.add(statement[c]);
          keys.push(((top - C.day[c]) * n + c) * nPlaces + i);
        }
      });
      var items = Float64Array.from(keys).sort();
      document.querySelector("#geo-feed .geo-count").textContent = number(items.length);
      var box = el("div");
      if (!items.length) { return add(box, el("p", "geo-note", "No claim about a place in view passes the filters.")); }
      pagedList(box, items, function (chunk) {
        return add.apply(null, [el("div")].concat(Array.prototype.map.call(chunk, function (key) {
          var item = { place: key % nPlaces, c: ((key - key % nPlaces) / nPlaces) % n };
          var c = claimAt(item.c), place = D.places[item.place];
          var line = [dayText(c), claimantLabel(c.claimant), kindLabel[c.kind],
            c.figure ? c.figure.text : c.holding ? "held by " + SIDES[c.holding[0]] : "", place.name];
          var button = el("button", "geo-feed-item", line.filter(Boolean).join(" · "));
          button.type = "button";
          button.addEventListener("click", function () { openPlace(item.place); });
          return button;
        })));
      }, FEED);
      return box;
    }

    function buildFilters() {
      var kindCounts = {};
      for (var i = 0; i < D.nClaims; i++) { kindCounts[kindOrder[C.kind[i]]] = (kindCounts[kindOrder[C.kind[i]]] || 0) + 1; }
      var kinds = document.getElementById("geo-kinds");
      kindBoxes = D.kinds.map(function (k) {
        return checkbox(kinds, k.label, kindCounts[k.kind] || 0, true,
          function (on) { state.kinds[k.kind] = on; refresh(); }, kindChip(k.kind));
      });
      var claimants = document.getElementById("geo-claimants");
      var boxes = claimantBoxes = D.claimants.map(function (c) {
        return checkbox(claimants, claimantLabel(c.name), c.claims, true,
          function (on) { state.claimants.set(claimantKey(c.name), on); refresh(); });
      });
      [["geo-claimants-all", true], ["geo-claimants-none", false]].forEach(function (pair) {
        document.getElementById(pair[0]).addEventListener("click", function () {
          D.claimants.forEach(function (c, i) { state.claimants.set(claimantKey(c.name), pair[1]); boxes[i].checked = pair[1]; });
          refresh();
        });
      });
      var from = document.getElementById("geo-from"), to = document.getElementById("geo-to");
      if (D.dates) { [from, to].forEach(function (input) { input.min = D.dates[0]; input.max = D.dates[1]; }); }
      from.addEventListener("change", function () { state.from = from.value; refresh(); });
      to.addEventListener("change", function () { state.to = to.value; refresh(); });
      [["geo-undated", "undated"], ["geo-mentioned", "mentioned"]].forEach(function (pair) {
        var input = document.getElementById(pair[0]);
        input.addEventListener("change", function () { state[pair[1]] = input.checked; refresh(); });
      });
      Array.prototype.forEach.call(document.querySelectorAll("input[name=geo-side]"), function (input) {
        input.addEventListener("change", function () { if (input.checked) { state.side = input.value; refresh(); } });
      });
      buildTime();
      var form = document.getElementById("geo-search");
      form.addEventListener("submit", function (e) {
        e.preventDefault();
        search(document.getElementById("geo-q").value);
      });
    }

    function buildLegend() {
      var box = document.getElementById("geo-legend-items");
      function pin(className, size) {
        var p = el("span", className);
        p.style.width = p.style.height = size + "px";
        return p;
      }
      [1, 5, 20].forEach(function (n) {
        add(box, add(el("div", "geo-legend-row"), pin("geo-pin", diameter(n)), n + (n === 1 ? " claim" : " claims")));
      });
      [["geo-pin geo-hold geo-hold-russia", "held by Russia, per its newest control claim"],
        ["geo-pin geo-hold geo-hold-ukraine", "held by Ukraine, per its newest control claim"],
        ["geo-pin geo-hold is-split", "the two sides' claims disagree within " + CONTEST_DAYS + " days"]
      ].forEach(function (row) {
        add(box, add(el("div", "geo-legend-row"), pin(row[0], diameter(3)), row[1]));
      });
      add(box, add(el("div", "geo-legend-row"), pin("geo-pin is-contested", diameter(3)), "claims that contradict each other"));
      add(box, add(el("div", "geo-legend-row"), pin("geo-pin is-mentioned", diameter(0)), "mentioned, no claim"));
      add(box, add(el("div", "geo-legend-row"), el("span", "geo-muted", "Colour: who holds the village where a claim says so, else the kind most claimed there. " +
        "Shaded districts and a coloured outline: claims about a district or the whole oblast.")));
      document.getElementById("geo-licence").textContent = D.licence || D.attribution.join("\n");
    }

    /* ---- controls ---- */

    function fullscreenIcon() {
      var ns = "http://www.w3.org/2000/svg";
      var svg = document.createElementNS(ns, "svg");
      svg.setAttribute("viewBox", "0 0 16 16");
      svg.setAttribute("width", "16");
      svg.setAttribute("height", "16");
      var path = document.createElementNS(ns, "path");
      path.setAttribute("d", "M1 6V1h5M10 1h5v5M15 10v5h-5M6 15H1v-5");
      path.setAttribute("fill", "none");
      path.setAttribute("stroke", "#333");
      path.setAttribute("stroke-width", "2");
      svg.appendChild(path);
      return svg;
    }

    var Fullscreen = L.Control.extend({
      options: { position: "topleft" },
      onAdd: function () {
        var bar = el("div", "leaflet-bar");
        var button = add(bar, el("button", "geo-fullscreen")).firstChild;
        button.type = "button";
        add(button, fullscreenIcon());
        button.title = "Full screen";
        button.setAttribute("aria-label", "Full screen");
        L.DomEvent.disableClickPropagation(bar);
        L.DomEvent.on(button, "click", function () {
          if (document.fullscreenElement) {
            document.exitFullscreen();
          } else if (map.getContainer().requestFullscreen) {
            map.getContainer().requestFullscreen();
          }
        });
        return bar;
      }
    });
    document.addEventListener("fullscreenchange", function () { map.invalidateSize(); });

    var toggle = document.getElementById("geo-panel-toggle");
    toggle.addEventListener("click", function () {
      var hidden = document.body.classList.toggle("geo-panel-hidden");
      toggle.setAttribute("aria-expanded", String(!hidden));
      map.invalidateSize();
    });

    /* ---- assemble ---- */

    // the view first: every layer is then projected once, at the zoom it is shown at
    map.fitBounds(outline.getBounds(), { padding: [8, 8], animate: false });
    districtGroup.addTo(map);
    outline.addTo(map);
    dots.addTo(map);
    labels.addTo(map);
    performance.mark("geo-basemap");
    refreshMarkers();
    cluster.addTo(map);
    performance.mark("geo-markers");
    new Fullscreen().addTo(map);
    L.control.layers(null, {
      "Claims (markers)": cluster,
      "District boundaries": districtGroup,
      "Settlements of the gazetteer": dots,
      "OpenStreetMap tiles (online)": osm
    }, { collapsed: true, position: "topright" }).addTo(map);
    var credit = el("span", null, "Gazetteer: " + D.attribution.join("; "));
    map.attributionControl.addAttribution(credit.innerHTML);  // escaped text: read back as markup
    map.on("zoomend moveend overlayadd overlayremove", refreshLabels);
    map.on("zoomend overlayadd overlayremove", refreshDistrictLabels);
    refreshDistrictLabels();
    buildFilters();
    buildLegend();
    refreshCounts();
    // the panels' lists (the feed sorts every claim in view; cards come from cards/): drawn
    // once the page has loaded, not before
    afterLoad(function () { Object.keys(panels).forEach(renderPanel); });
    // An opened popup is panned into the map, and below any control it would sit under (a
    // phone's narrow screen), so that its title and close button stay visible and tappable.
    var openPopup = null;
    function panIntoView(popup) {
      var box = popup.getElement().getBoundingClientRect();
      var frame = map.getContainer().getBoundingClientRect(), top = frame.top + PAN_PADDING;
      Array.prototype.forEach.call(map.getContainer().querySelectorAll(".leaflet-top .leaflet-control"), function (c) {
        var r = c.getBoundingClientRect();
        if (r.left < box.right && box.left < r.right) { top = Math.max(top, r.bottom + 8); }
      });
      var dx = Math.min(0, box.left - frame.left - PAN_PADDING) || Math.max(0, box.right - frame.right + PAN_PADDING);
      var dy = Math.min(0, box.top - top) || Math.max(0, Math.min(box.bottom - frame.bottom + PAN_PADDING, box.top - top));
      if (dx || dy) { map.panBy([dx, dy], { animate: false }); }
    }
    map.on("popupopen", function (e) { openPopup = e.popup; panIntoView(e.popup); });
    map.on("popupclose", function (e) { if (openPopup === e.popup) { openPopup = null; } });
    // cards drawn into an open popup once loaded: its size changed, so lay it out again
    // (Leaflet's update() would draw its content anew) and keep it in view
    function relayout() {
      if (!openPopup || !openPopup.isOpen()) { return; }
      openPopup._updateLayout();
      openPopup._updatePosition();
      panIntoView(openPopup);
    }
    var feedQueued = null;
    map.on("moveend", function () {  // the feed follows the view, once the map has settled
      window.clearTimeout(feedQueued);
      feedQueued = window.setTimeout(function () { renderPanel("geo-feed"); }, 150);
    });
    if (window.innerWidth <= PHONE_WIDTH) {  // a phone opens on the map, the panel one tap away
      document.body.classList.add("geo-panel-hidden");
      toggle.setAttribute("aria-expanded", "false");
      map.invalidateSize();
    }

    return {
      map: map,
      cluster: cluster,
      search: search,
      // centre the place (at `zoom`, default SEARCH_ZOOM), then zoom on until its marker
      // stands alone; done(element) can then click it for real
      showPlace: function (id, zoom, done) {
        var marker = markerById.get(id);
        map.setView(marker.getLatLng(), zoom || Math.max(map.getZoom(), SEARCH_ZOOM), { animate: false });
        cluster.zoomToShowLayer(marker, function () { if (done) { done(marker.getElement()); } });
      },
      markerElement: function (id) { var m = markerById.get(id); return m ? m.getElement() : null; },
      // the class of a place's icon while it is drawn (null when the filters hide it)
      iconClass: function (id) {
        var m = markerById.get(id);
        return m && cluster.hasLayer(m) ? m.options.icon.options.className : null;
      },
      cardShardsLoaded: deferred.shardsLoaded,
      // how many settlements the basemap draws, and how many layers the map holds (tests:
      // the dots are one layer, not a layer each)
      dotCount: function () { return dots._latlngs.length; },
      layerCount: function () { return Object.keys(map._layers).length; },
      // the settlement with the most claims (ties: the smaller id): what the bench opens
      busiestPlaceId: function () {
        var best = null;
        D.places.forEach(function (p) {
          if (!best || p.ids.length > best.ids.length ||
              (p.ids.length === best.ids.length && p.place_id < best.place_id)) { best = p; }
        });
        return best ? best.place_id : null;
      },
      shownPlaceIds: function () {
        return D.places.filter(function (p, i) { return cluster.hasLayer(markers[i]); }).map(function (p) { return p.place_id; });
      }
    };
  }

  window.geoMap = {
    start: function (map, osm) {  // the marks time the data's parse and the app (bench/bench_map.py)
      performance.mark("geo-start");
      var data = JSON.parse(document.getElementById("geo-data").textContent);
      performance.mark("geo-parsed");
      data = unpack(data);
      performance.mark("geo-unpacked");
      window.geoMap.app = createApp(map, osm, data);
      performance.mark("geo-ready");
      return window.geoMap.app;
    }
  };
}());
