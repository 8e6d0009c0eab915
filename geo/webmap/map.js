/* geo map: the interactive layers, built in the browser from the JSON payload.

   Reads  <script type="application/json" id="geo-data"> (shape: geo/webmap/payload.py),
          sent document by document; unpack() turns it into flat lists first.
   Draws  the district polygons and the oblast outline; every gazetteer settlement as a
          faint dot, named from LABEL_ZOOM on; one clustered marker per resolved settlement
          (size: number of claims, colour: dominant kind); claims about a district on its
          polygon and claims about the oblast on its outline; a side panel with search,
          filters, legend and the lists of claims and mentions that have no point.
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
  var POPUP = { maxWidth: 560, minWidth: 300, maxHeight: 380, autoPanPadding: [16, 16] };
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
    return value === null || value === undefined ? "–" : Number(value).toLocaleString("en-US");
  }

  function normalise(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[\s\u2010-\u2015-]+/g, " ").trim();
  }

  function diameter(claims) {
    return claims ? Math.min(40, Math.round(11 + 5 * Math.sqrt(claims - 1))) : 11;
  }

  // payload.py streams the records document by document: each document's texts, its
  // claims (rows of D.claim_fields, with the ids of the places they are tied to) and its
  // mentions. An entry knows nothing of the other documents (the Store renders it once),
  // so what depends on the whole corpus is put together here: texts, sources and claims
  // (objects) by global index, each place with its claims (or, when no document ties a
  // claim to it, its mentions), the contested flag of each claim at each place (from
  // D.contested), unplaced claims, unresolved mentions, the claimants and the dates.
  function unpack(D) {
    var texts = [], sources = [], claims = [], unplaced = [], unresolved = [];
    var placeIndex = new Map(), disputed = new Map(), claimants = new Map(), dates = null;
    D.places.forEach(function (place, i) { placeIndex.set(place.place_id, i); });
    Object.keys(D.contested).forEach(function (id) { disputed.set(id, new Set(D.contested[id])); });
    var links = D.places.map(function () { return []; });
    var mentions = D.places.map(function () { return []; });
    D.docs.forEach(function (doc) {
      var t0 = texts.length, source = sources.length;
      (doc.texts || []).forEach(function (text) { texts.push(text); });
      sources.push({ file: doc.file, title: doc.title, publisher: doc.publisher,
        published: doc.published, language: doc.language });
      (doc.claims || []).forEach(function (row) {
        var index = claims.length, c = {}, placed = false;
        D.claim_fields.forEach(function (name, i) { c[name] = row[i]; });
        c.quote += t0;
        c.source = source;
        c.at.forEach(function (a) {  // [place id, link, highlight]
          var i = placeIndex.get(a[0]);
          if (i === undefined) { return; }
          var contested = disputed.has(a[0]) && disputed.get(a[0]).has(c.claim_id);
          links[i].push({ c: index, link: a[1], hl: a[2], contested: contested });
          placed = true;
        });
        if (!placed) { unplaced.push(index); }
        claimants.set(c.claimant, (claimants.get(c.claimant) || 0) + 1);
        if (c.day) {  // ISO days: string order is time order
          dates = dates ? [c.day < dates[0] ? c.day : dates[0], c.day > dates[1] ? c.day : dates[1]]
            : [c.day, c.day];
        }
        claims.push(c);
      });
      (doc.mentions || []).forEach(function (m) {  // [place id, text, highlight]
        var i = placeIndex.get(m[0]);
        if (i !== undefined) { mentions[i].push({ source: source, context: m[1] + t0, hl: m[2] }); }
      });
      (doc.unresolved || []).forEach(function (u) {
        u.source = source;
        if (u.context !== null) { u.context += t0; }
        unresolved.push(u);
      });
    });
    var places = [], areas = [], region = null;
    D.places.forEach(function (place, i) {
      place.claims = links[i];
      if (!place.claims.length) { place.mentions = mentions[i]; }
      if (place.place_type === "settlement") { places.push(place); }
      if (place.place_type === "district") { areas.push(place); }
      if (place.place_type === "region" && !region) { region = place; }
    });
    // by name (UTF-16 order: Python's code point order but for astral characters
    // against U+E000 to U+FFFF), the unnamed claimant last
    D.claimants = Array.from(claimants.keys()).sort(function (a, b) {
      return (a === null) - (b === null) || (a < b ? -1 : a > b ? 1 : 0);
    }).map(function (name) { return { name: name, claims: claimants.get(name) }; });
    D.dates = dates;
    D.texts = texts;
    D.sources = sources;
    D.claims = claims;
    D.places = places;
    D.areas = areas;
    D.region = region;
    D.unplaced = unplaced;
    D.unresolved = unresolved;
    delete D.docs;
    delete D.contested;
    return D;
  }

  function createApp(map, osm, D) {
    var kindOrder = D.kinds.map(function (k) { return k.kind; });
    var kindLabel = {};
    D.kinds.forEach(function (k) { kindLabel[k.kind] = k.label; });
    var state = { kinds: {}, claimants: new Map(), from: "", to: "", undated: true, mentioned: true };
    kindOrder.forEach(function (kind) { state.kinds[kind] = true; });
    D.claimants.forEach(function (c) { state.claimants.set(claimantKey(c.name), true); });
    var F = {};
    D.settlement_fields.forEach(function (name, i) { F[name] = i; });

    function claimantKey(name) { return name === null ? "" : name; }
    function claimantLabel(name) { return name === null ? "claimant not named" : name; }

    function passes(index) {
      var c = D.claims[index];
      if (!state.kinds[c.kind] || !state.claimants.get(claimantKey(c.claimant))) { return false; }
      var day = c.day;  // payload.first_day: a week's or a month's first day; null: undated
      if (!day) { return state.undated; }
      return !(state.from && day < state.from) && !(state.to && day > state.to);
    }

    // what a marker or polygon shows: the claims that pass the filters, by kind
    function summarise(entry) {
      var counts = {}, n = 0, contested = false, dominant = null;
      (entry.claims || []).forEach(function (link) {
        if (!passes(link.c)) { return; }
        var kind = D.claims[link.c].kind;
        counts[kind] = (counts[kind] || 0) + 1;
        n += 1;
        contested = contested || !!link.contested;
      });
      kindOrder.forEach(function (kind) {
        if (counts[kind] && (dominant === null || counts[kind] > counts[dominant])) { dominant = kind; }
      });
      return { n: n, kind: dominant, contested: contested };
    }

    /* ---- claim cards (popups and side panel share them) ---- */

    function kindChip(kind) { return el("span", "geo-chip geo-k-" + kind); }

    function sourceNode(index) {
      var s = D.sources[index];
      var box = el("div", "geo-source");
      add(box, el("span", "geo-source-title", s.title || "untitled"));
      [s.publisher, s.published].forEach(function (part) { if (part) { add(box, " · ", part); } });
      add(box, el("br"), el("span", "geo-file", s.file));
      return box;
    }

    function figureNode(figure) {
      var box = el("div", "geo-figure");
      if (!figure) { return add(box, el("span", "geo-nums", "no figure given")); }
      return add(box, el("strong", null, figure.text), " ",
        el("span", "geo-nums", "low " + number(figure.low) + " · best " + number(figure.best) +
          " · high " + number(figure.high)));
    }

    function claimCard(link) {
      var c = D.claims[link.c];
      var card = el("article", "geo-claim geo-k-" + c.kind + (link.contested ? " is-contested" : ""));
      card.setAttribute("data-claim-id", c.claim_id);
      var head = add(el("div", "geo-claim-head"), el("span", "geo-claimant", claimantLabel(c.claimant)),
        " · ", kindLabel[c.kind]);
      if (link.contested) { add(head, el("span", "geo-badge", "contested")); }
      var when = c.reported ? "reported " + c.reported +
        (c.reported_precision && c.reported_precision !== "day" ? " (" + c.reported_precision + ")" : "")
        : "undated";
      if (link.link) { when += " · tied to the place by " + link.link; }
      add(card, head, figureNode(c.figure), el("div", "geo-when", when),
        c.subject ? el("div", "geo-when", "about: " + c.subject) : null,
        marked("blockquote", "geo-quote", D.texts[c.quote], link.hl), sourceNode(c.source));
      return card;
    }

    // claims grouped by kind; claims of one kind by different claimants side by side
    function claimGroups(links) {
      var box = el("div", "geo-claims");
      kindOrder.forEach(function (kind) {
        var ofKind = links.filter(function (l) { return D.claims[l.c].kind === kind; });
        if (!ofKind.length) { return; }
        var columns = new Map();
        ofKind.forEach(function (l) {
          var key = claimantKey(D.claims[l.c].claimant);
          if (!columns.has(key)) { columns.set(key, []); }
          columns.get(key).push(l);
        });
        if (columns.size > 1) { box.classList.add("geo-wide"); }
        var row = el("div", "geo-side");
        columns.forEach(function (column) {
          add(row, add.apply(null, [el("div", "geo-col")].concat(column.map(claimCard))));
        });
        add(box, add(el("section", "geo-kind"),
          add(el("h4", "geo-kind-head"), kindChip(kind), kindLabel[kind] + " (" + ofKind.length + ")"), row));
      });
      return box;
    }

    function mentionList(mentions) {
      var box = add(el("div", "geo-mentions"),
        el("h4", "geo-kind-head", "Mentioned " + mentions.length + "×, no claim"));
      mentions.slice(0, MAX_MENTIONS).forEach(function (m) {
        add(box, marked("blockquote", "geo-quote", D.texts[m.context], m.hl), sourceNode(m.source));
      });
      if (mentions.length > MAX_MENTIONS) {
        add(box, el("p", "geo-note", (mentions.length - MAX_MENTIONS) + " more mentions not listed"));
      }
      return box;
    }

    function entryBody(root, entry) {
      var links = entry.claims || [];
      var shown = links.filter(function (l) { return passes(l.c); });
      if (shown.length) { add(root, claimGroups(shown)); }
      if (links.length > shown.length) {
        add(root, el("p", "geo-note", (links.length - shown.length) + " claim(s) hidden by the filters"));
      }
      if (!links.length) { add(root, mentionList(entry.mentions || [])); }
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

    function placePopup(place) {
      var meta = [place.admin2, place.category, PRECISION[place.geo_precision]].filter(Boolean);
      return entryBody(popupRoot(place.place_id, place.name, place.name_local, meta.join(" · ")), place);
    }

    function areaPopup(area, note) {
      return entryBody(popupRoot(area.place_id, area.name, area.name_local, note), area);
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
        var label = L.tooltip({ permanent: true, direction: "center", interactive: false,
          className: "geo-district-label" }).setLatLng([d.label.lat, d.label.lon]);
        (d.kind === "city_okrug" ? cityLabels : districtLabels).addLayer(label.setContent(el("span", null, d.name)));
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

    var dots = L.featureGroup();
    var dotIndex = new Map();
    D.settlements.forEach(function (row, i) {
      var dot = L.circleMarker([row[F.lat], row[F.lon]],
        { radius: 2.3, stroke: false, fillColor: "#4a4a4a", fillOpacity: 0.45 });
      dotIndex.set(L.stamp(dot), i);
      dots.addLayer(dot);
    });

    var labels = L.layerGroup();
    var labelCache = new Map();
    function refreshLabels() {
      labels.clearLayers();
      if (map.getZoom() < LABEL_ZOOM || !map.hasLayer(dots)) { return; }
      var bounds = map.getBounds().pad(0.1), picked = [];
      D.settlements.forEach(function (row, i) {
        if (bounds.contains([row[F.lat], row[F.lon]])) { picked.push(i); }
      });
      picked.sort(function (a, b) { return D.settlements[b][F.population] - D.settlements[a][F.population] || a - b; });
      picked.slice(0, MAX_LABELS).forEach(function (i) {
        if (!labelCache.has(i)) {
          var row = D.settlements[i];
          labelCache.set(i, L.tooltip({ permanent: true, direction: "right", offset: [5, 0],
            interactive: false, className: "geo-label" })
            .setLatLng([row[F.lat], row[F.lon]]).setContent(el("span", null, row[F.name])));
        }
        labels.addLayer(labelCache.get(i));
      });
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
      showCoverageOnHover: false, spiderfyOnMaxZoom: true
    });
    var icons = new Map();
    function iconFor(s) {
      var size = diameter(s.n);
      var className = "geo-pin " + (s.n ? "geo-k-" + s.kind : "is-mentioned") + (s.contested ? " is-contested" : "");
      var key = className + "|" + size;
      if (!icons.has(key)) { icons.set(key, L.divIcon({ className: className, iconSize: [size, size], html: "" })); }
      return icons.get(key);
    }
    var markerById = new Map();
    var markers = D.places.map(function (place) {
      var marker = L.marker([place.lat, place.lon], { title: place.name, riseOnHover: true });
      marker.bindPopup(function () { return placePopup(place); }, POPUP);
      marker.on("add", function () { marker.getElement().setAttribute("data-place-id", place.place_id); });
      markerById.set(place.place_id, marker);
      return marker;
    });

    function refreshMarkers() {
      var shown = [];
      D.places.forEach(function (place, i) {
        var s = summarise(place);
        var hasClaims = !!(place.claims && place.claims.length);
        if (s.n || (!hasClaims && state.mentioned)) {
          markers[i].setIcon(iconFor(s));
          shown.push(markers[i]);
        }
      });
      cluster.clearLayers();
      cluster.addLayers(shown);
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

    function claimCount(entry) { return entry.place >= 0 ? (D.places[entry.place].claims || []).length : -1; }

    // exact name first, then names that start with the query, then names that contain it
    function find(query) {
      var q = normalise(query);
      if (!q) { return []; }
      var hits = [];
      searchIndex().forEach(function (entry) {
        var rank = 3;
        entry.keys.forEach(function (key) {
          var r = key === q ? 0 : key.indexOf(q) === 0 ? 1 : key.indexOf(q) > 0 ? 2 : 3;
          rank = Math.min(rank, r);
        });
        if (rank < 3) { hits.push({ rank: rank, entry: entry }); }
      });
      hits.sort(function (a, b) {
        return a.rank - b.rank || claimCount(b.entry) - claimCount(a.entry) ||
          b.entry.population - a.entry.population || (a.entry.name < b.entry.name ? -1 : a.entry.name > b.entry.name ? 1 : 0);
      });
      return hits.slice(0, 12).map(function (h) { return h.entry; });
    }

    function settlementPopup(entry) {
      var meta = [entry.district, entry.population ? "population " + number(entry.population) : ""];
      return add(popupRoot(entry.id, entry.name, entry.local, meta.filter(Boolean).join(" · ")),
        el("p", "geo-note", "No mention of this settlement in the corpus."));
    }

    function goTo(entry) {
      map.setView([entry.lat, entry.lon], Math.max(map.getZoom(), SEARCH_ZOOM), { animate: false });
      var marker = entry.place >= 0 ? markers[entry.place] : null;
      if (marker && cluster.hasLayer(marker)) {
        cluster.zoomToShowLayer(marker, function () { marker.openPopup(); });
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
      var found = find(query);
      if (!found.length) {
        add(results, el("li", "geo-miss", "No settlement of the gazetteer is called “" + query + "”."));
        return null;
      }
      found.forEach(function (entry) {
        var button = el("button", null, entryLabel(entry));
        button.type = "button";
        button.addEventListener("click", function () { goTo(entry); });
        add(results, add(el("li"), button));
      });
      goTo(found[0]);
      return found[0];
    }

    // a dot of a mentioned place leads to its marker; any other dot just names itself
    dots.on("click", function (e) {
      var entry = searchIndex()[dotIndex.get(L.stamp(e.layer))];
      if (entry && entry.place >= 0) {
        goTo(entry);
      } else if (entry) {
        L.popup(POPUP).setLatLng([entry.lat, entry.lon]).setContent(settlementPopup(entry)).openOn(map);
      }
    });

    /* ---- side panel ---- */

    function pagedList(container, items, render) {
      container.textContent = "";
      var shown = 0;
      var more = el("button", "geo-more");
      more.type = "button";
      function next() {
        var chunk = items.slice(shown, shown + PAGE);
        shown += chunk.length;
        container.insertBefore(render(chunk), more);
        more.textContent = "show " + Math.min(PAGE, items.length - shown) + " more of " + (items.length - shown);
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
      pagedList(box, shown, claimGroups);
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

    function unresolvedRows(rows) {
      var box = el("div");
      rows.forEach(function (u) {
        add(box, add(el("div", "geo-unresolved"),
          add(el("div"), el("strong", null, u.surface), " — ", u.reason),
          u.context !== null ? marked("blockquote", "geo-quote", D.texts[u.context], u.hl) : null,
          el("div", "geo-muted", u.candidates.length ? u.candidates.length + " candidate(s): " + candidateText(u.candidates) : "no candidate"),
          sourceNode(u.source)));
      });
      return box;
    }

    function areaPanel() {
      var box = el("div");
      D.areas.forEach(function (area) {
        var s = summarise(area);
        if (!area.claims.length) { return; }
        var button = el("button", null, area.name + " (" + s.n + " of " + area.claims.length + " shown)");
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
      "geo-unplaced": function () { return claimsPanel(D.unplaced.map(function (c) { return { c: c, hl: [] }; })); },
      "geo-unresolved": function () { var box = el("div"); pagedList(box, D.unresolved, unresolvedRows); return box; }
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
      add(container, add(el("label"), input, " ", chip || null, label, " ", el("span", "geo-n", "(" + count + ")")));
      return input;
    }

    function refresh() {
      refreshMarkers();
      refreshAreas();
      Object.keys(panels).forEach(renderPanel);
    }

    function buildFilters() {
      var kindCounts = {};
      D.claims.forEach(function (c) { kindCounts[c.kind] = (kindCounts[c.kind] || 0) + 1; });
      var kinds = document.getElementById("geo-kinds");
      D.kinds.forEach(function (k) {
        checkbox(kinds, k.label, kindCounts[k.kind] || 0, true,
          function (on) { state.kinds[k.kind] = on; refresh(); }, kindChip(k.kind));
      });
      var claimants = document.getElementById("geo-claimants");
      var boxes = D.claimants.map(function (c) {
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
      add(box, add(el("div", "geo-legend-row"), pin("geo-pin is-contested", diameter(3)), "claims that contradict each other"));
      add(box, add(el("div", "geo-legend-row"), pin("geo-pin is-mentioned", diameter(0)), "mentioned, no claim"));
      add(box, add(el("div", "geo-legend-row"), el("span", "geo-muted", "Colour: the kind most claimed there. " +
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

    districtGroup.addTo(map);
    outline.addTo(map);
    dots.addTo(map);
    labels.addTo(map);
    refreshMarkers();
    cluster.addTo(map);
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
    map.fitBounds(outline.getBounds(), { padding: [8, 8], animate: false });
    refreshDistrictLabels();
    buildFilters();
    buildLegend();
    Object.keys(panels).forEach(renderPanel);

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
      shownPlaceIds: function () {
        return D.places.filter(function (p, i) { return cluster.hasLayer(markers[i]); }).map(function (p) { return p.place_id; });
      }
    };
  }

  window.geoMap = {
    start: function (map, osm) {
      var data = JSON.parse(document.getElementById("geo-data").textContent);
      window.geoMap.app = createApp(map, osm, unpack(data));
      return window.geoMap.app;
    }
  };
}());
