using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HrPrep.Content;

namespace HrPrep.Authoring.Export;

/// <summary>
/// <c>html</c>: one self-contained offline study page. Everything is inline (no external assets, no
/// network: a Content-Security-Policy allows only the page's own style and script, by hash). It has a
/// search box (every word must match; case- and accent-insensitive), filters by category, level and
/// type, reveal-answer buttons, keyboard navigation (<c>/</c> search, <c>j</c>/<c>k</c> or arrows to move,
/// Enter or Space to reveal, Esc to clear), a print style that shows every answer, and a practice mode
/// (an answer box per question, self-rating 1-4 scheduled with FSRS-6 as in HrPrep.Practice, progress
/// and drafts kept in the browser's local storage, a due-only filter). All question text is escaped;
/// Markdown is rendered by <see cref="SafeHtml"/>.
/// </summary>
public sealed class HtmlExporter : IQuestionExporter
{
    /// <inheritdoc/>
    public string Name => "html";

    /// <inheritdoc/>
    public string Extension => ".html";

    /// <summary>The page's style sheet.</summary>
    public const string Style = """
        :root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #f6f8fa; --card: #ffffff; --line: #d1d9e0; --accent: #0969da; --red: #cf222e; --chip: #eef1f4; }
        @media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --card: #151b23; --line: #3d444d; --accent: #4493f8; --red: #f85149; --chip: #212830; } }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.55 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: var(--bg); }
        header.top { position: sticky; top: 0; z-index: 1; background: var(--card); border-bottom: 1px solid var(--line); padding: .8rem 1rem .6rem; }
        header.top h1 { font-size: 1.3rem; margin: 0; }
        .sub { margin: .1rem 0 .6rem; color: var(--muted); font-size: .9rem; }
        .controls { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
        .controls input[type=search] { flex: 1 1 16rem; min-width: 12rem; }
        .controls select { max-width: 18rem; }
        .controls input, .controls select, .controls button, button.reveal { font: inherit; font-size: .95rem; padding: .35rem .6rem; border: 1px solid var(--line); border-radius: 6px; background: var(--card); color: var(--fg); }
        .controls button, button.reveal { cursor: pointer; }
        .controls button:hover, button.reveal:hover { border-color: var(--accent); }
        #count { color: var(--muted); font-size: .9rem; margin-left: auto; }
        .keys { margin: .4rem 0 0; color: var(--muted); font-size: .8rem; }
        kbd { font: .75rem ui-monospace, SFMono-Regular, Menlo, monospace; border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; padding: 0 .3em; background: var(--chip); }
        main { max-width: 52rem; margin: 0 auto; padding: 1rem; }
        section.cat > h2 { font-size: 1.1rem; margin: 1.4rem 0 .6rem; color: var(--accent); }
        article.q { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .9rem 1.1rem; margin: 0 0 .8rem; outline: none; }
        article.q:focus { border-color: var(--accent); box-shadow: 0 0 0 3px color-mix(in srgb, var(--accent) 25%, transparent); }
        .meta { display: flex; flex-wrap: wrap; gap: .3rem; font-size: .75rem; }
        .chip { background: var(--chip); border-radius: 1rem; padding: .05rem .6rem; color: var(--muted); }
        .chip.id { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
        h3.prompt { font-size: 1.08rem; margin: .45rem 0 .6rem; }
        .scenario { border-left: 4px solid var(--line); padding: .2rem .9rem; margin: 0 0 .7rem; }
        .answer { border-top: 1px solid var(--line); margin-top: .7rem; padding-top: .4rem; }
        .answer h4 { font-size: .9rem; margin: .9rem 0 .2rem; color: var(--accent); }
        .answer .red h4 { color: var(--red); }
        .answer ul { margin: .2rem 0; padding-left: 1.3rem; }
        .note { font-size: .85rem; color: var(--muted); font-style: italic; }
        .table-scroll { overflow-x: auto; max-width: 100%; }
        table { border-collapse: collapse; margin: .5rem 0; font-size: .9rem; }
        caption { text-align: left; font-style: italic; }
        th, td { border: 1px solid var(--line); padding: .25rem .6rem; }
        a { color: var(--accent); }
        #empty { text-align: center; color: var(--muted); }
        .disclaimer { font-size: .85rem; color: var(--muted); }
        .practice { border-top: 1px dashed var(--line); margin-top: .6rem; padding-top: .5rem; }
        .practice textarea { width: 100%; font: inherit; font-size: .95rem; padding: .4rem .5rem; border: 1px solid var(--line); border-radius: 6px; background: var(--card); color: var(--fg); }
        .practice .rate { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; margin: .4rem 0; font-size: .9rem; }
        .practice .rate button { font: inherit; font-size: .9rem; padding: .25rem .6rem; border: 1px solid var(--line); border-radius: 6px; background: var(--card); color: var(--fg); cursor: pointer; }
        .practice .sched { margin: .2rem 0; font-size: .85rem; color: var(--muted); }
        #due-label { font-size: .9rem; }
        [hidden] { display: none !important; }
        @media (max-width: 600px) { table { font-size: .78rem; } th, td { padding: .2rem .4rem; } header.top { position: static; } .controls select { flex: 1 1 40%; max-width: 100%; min-width: 0; } #count { margin-left: 0; } main { padding: .6rem; } }
        @media print {
          body { background: #fff; color: #000; font-size: 11pt; }
          header.top { position: static; border: 0; }
          .controls, .keys, button.reveal, .practice { display: none !important; }
          .answer[hidden] { display: block !important; }
          article.q { border: 0; border-top: 1px solid #999; border-radius: 0; padding: .6rem 0; break-inside: auto; }
          h3.prompt, section.cat > h2 { break-after: avoid; }
          a { color: #000; }
        }
        """;

    /// <summary>
    /// The FSRS-6 scheduler of the practice mode (global <c>HrPrepFsrs.review(card, rating, now)</c>):
    /// the same long-term scheduler as HrPrep.Practice's <c>FsrsScheduler</c>, checked against the same
    /// ts-fsrs golden vectors. Written before <see cref="Script"/> in the page's one script element.
    /// </summary>
    public const string FsrsScript = """
        var HrPrepFsrs = (() => {
          'use strict';
          // FSRS-6, the same long-term scheduler as HrPrep.Practice's FsrsScheduler (ts-fsrs 5.4.2,
          // enable_short_term false, no fuzz, 90% retention): checked against the same golden vectors.
          const w = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
            0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542];
          const DAY = 86400000, S_MIN = 0.001, S_MAX = 36500, MAX_IVL = 36500;
          const roundTo = (x, d) => { const f = 10 ** d; return Math.round(x * f) / f; };
          const clamp = (x, lo, hi) => Math.min(Math.max(x, lo), hi);
          const decay = -w[20];
          const factor = roundTo(Math.exp(Math.log(0.9) / decay) - 1, 8);
          const modifier = roundTo((Math.pow(0.9, 1 / decay) - 1) / factor, 8);
          const curve = (t, s) => roundTo(Math.pow(1 + factor * t / s, decay), 8);
          const initD = (g) => roundTo(w[4] - Math.exp((g - 1) * w[5]) + 1, 8);
          const nextD = (d, g) => {
            const next = d + roundTo(-w[6] * (g - 3) * (10 - d) / 9, 8);
            return clamp(roundTo(w[7] * initD(4) + (1 - w[7]) * next, 8), 1, 10);
          };
          const recallS = (d, s, r, g) => roundTo(clamp(s * (1 + Math.exp(w[8]) * (11 - d) * Math.pow(s, -w[9]) * (Math.exp((1 - r) * w[10]) - 1) * (g === 2 ? w[15] : 1) * (g === 4 ? w[16] : 1)), S_MIN, S_MAX), 8);
          const forgetS = (d, s, r) => roundTo(clamp(w[11] * Math.pow(d, -w[12]) * (Math.pow(s + 1, w[13]) - 1) * Math.exp((1 - r) * w[14]), S_MIN, S_MAX), 8);
          const days = (a, b) => Math.floor((Date.UTC(b.getUTCFullYear(), b.getUTCMonth(), b.getUTCDate()) - Date.UTC(a.getUTCFullYear(), a.getUTCMonth(), a.getUTCDate())) / DAY);
          function state(card, t, g) {
            if (!card) return { d: clamp(initD(g), 1, 10), s: Math.max(w[g - 1], 0.1) };
            const r = curve(t, card.stability);
            const s = g === 1 ? Math.min(Math.max(roundTo(card.stability, 8), S_MIN), forgetS(card.difficulty, card.stability, r)) : recallS(card.difficulty, card.stability, r, g);
            return { d: nextD(card.difficulty, g), s };
          }
          const interval = (s) => Math.min(Math.max(1, Math.round(s * modifier)), MAX_IVL);
          /** card: null (new) or {stability, difficulty, due, lastReview, reps, lapses, scheduledDays}; rating 1-4; now: Date. */
          function review(card, rating, now) {
            const t = card ? days(new Date(card.lastReview), now) : 0;
            const ivl = [1, 2, 3, 4].map((g) => interval(state(card, t, g).s));
            ivl[0] = Math.min(ivl[0], ivl[1]);
            ivl[1] = Math.max(ivl[1], ivl[0] + 1);
            ivl[2] = Math.max(ivl[2], ivl[1] + 1);
            ivl[3] = Math.max(ivl[3], ivl[2] + 1);
            const next = state(card, t, rating);
            const n = ivl[rating - 1];
            return {
              stability: next.s, difficulty: next.d, due: new Date(now.getTime() + n * DAY).toISOString(), lastReview: now.toISOString(),
              reps: (card ? card.reps : 0) + 1, lapses: (card ? card.lapses : 0) + (card && rating === 1 ? 1 : 0), scheduledDays: n, elapsedDays: t,
            };
          }
          return { review };
        })();
        """;

    /// <summary>The page's script.</summary>
    public const string Script = """
        (() => {
          'use strict';
          const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
          const $ = (id) => document.getElementById(id);
          const items = Array.from(document.querySelectorAll('article.q'));
          const texts = new Map(items.map((a) => [a, fold(a.dataset.search || '')]));
          const search = $('q'), category = $('f-category'), level = $('f-level'), type = $('f-type');
          const count = $('count'), empty = $('empty'), expand = $('expand');
          const practice = $('practice'), dueOnly = $('due-only'), dueLabel = $('due-label');
          const KEY = 'hrprep-practice-v1';
          let saved = {};
          try { saved = JSON.parse(localStorage.getItem(KEY) || '{}') || {}; } catch (e) { saved = {}; }
          saved.cards = saved.cards || {}; saved.answers = saved.answers || {};
          const persist = () => { try { localStorage.setItem(KEY, JSON.stringify(saved)); } catch (e) { /* storage full or disabled */ } };
          const qid = (a) => a.id.slice(2);
          const isDue = (a) => { const c = saved.cards[qid(a)]; return !c || new Date(c.due) <= new Date(); };
          function schedule(a) {
            const c = saved.cards[qid(a)], p = a.querySelector('.sched');
            if (!p) return;
            if (!c) { p.textContent = 'Not practised yet.'; return; }
            const days = Math.max(0, Math.round((new Date(c.due) - new Date()) / 86400000));
            p.textContent = (isDue(a) ? 'Due now' : 'Next review in ' + days + ' day' + (days === 1 ? '' : 's') + ' (' + c.due.slice(0, 10) + ')') + ' · reviews: ' + c.reps + ', lapses: ' + c.lapses;
          }
          function apply() {
            const words = fold(search.value).split(/\s+/).filter(Boolean);
            let shown = 0;
            for (const a of items) {
              const ok = (!category.value || a.dataset.category === category.value)
                && (!level.value || a.dataset.level === level.value)
                && (!type.value || a.dataset.type === type.value)
                && words.every((w) => texts.get(a).includes(w))
                && (!practice.classList.contains('on') || !dueOnly.checked || isDue(a));
              a.hidden = !ok;
              if (ok) shown++;
            }
            for (const s of document.querySelectorAll('section.cat')) s.hidden = !s.querySelector('article.q:not([hidden])');
            count.textContent = shown + ' of ' + items.length + ' questions';
            empty.hidden = shown !== 0;
          }
          function reveal(a, open) {
            const answer = a.querySelector('.answer'), button = a.querySelector('button.reveal');
            const show = open === undefined ? answer.hidden : open;
            answer.hidden = !show;
            button.setAttribute('aria-expanded', String(show));
            button.textContent = show ? 'Hide answer' : 'Show answer';
          }
          function visible() { return items.filter((a) => !a.hidden); }
          function move(step) {
            const list = visible();
            if (list.length === 0) return;
            const here = document.activeElement && document.activeElement.closest ? document.activeElement.closest('article.q') : null;
            let i = list.indexOf(here);
            i = i < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, i + step));
            list[i].focus();
            list[i].scrollIntoView({ block: 'nearest' });
          }
          function clear() {
            search.value = ''; category.value = ''; level.value = ''; type.value = ''; dueOnly.checked = false;
            apply();
          }
          document.addEventListener('click', (e) => {
            const button = e.target.closest('button.reveal');
            if (button) reveal(button.closest('article.q'));
            const rate = e.target.closest('.practice button[data-rating]');
            if (rate) {
              const a = rate.closest('article.q');
              saved.cards[qid(a)] = HrPrepFsrs.review(saved.cards[qid(a)] || null, Number(rate.dataset.rating), new Date());
              persist();
              reveal(a, true);
              schedule(a);
            }
          });
          document.addEventListener('input', (e) => {
            if (e.target.matches && e.target.matches('.practice textarea')) {
              saved.answers[qid(e.target.closest('article.q'))] = e.target.value;
              persist();
            }
          });
          practice.addEventListener('click', () => {
            const on = !practice.classList.contains('on');
            practice.classList.toggle('on', on);
            practice.setAttribute('aria-pressed', String(on));
            dueLabel.hidden = !on;
            for (const a of items) {
              a.querySelector('.practice').hidden = !on;
              if (on) { schedule(a); a.querySelector('.practice textarea').value = saved.answers[qid(a)] || ''; }
            }
            apply();
          });
          dueOnly.addEventListener('change', apply);
          expand.addEventListener('click', () => {
            const open = expand.getAttribute('aria-pressed') !== 'true';
            for (const a of items) reveal(a, open);
            expand.setAttribute('aria-pressed', String(open));
            expand.textContent = open ? 'Hide all answers' : 'Show all answers';
          });
          search.addEventListener('input', apply);
          for (const s of [category, level, type]) s.addEventListener('change', apply);
          document.addEventListener('keydown', (e) => {
            if (e.ctrlKey || e.metaKey || e.altKey) return;
            const t = e.target;
            if (t.tagName === 'TEXTAREA' || (t.tagName === 'INPUT' && t !== search)) return;
            if (t === search || t.tagName === 'SELECT') {
              if (e.key === 'Escape') { if (t === search) search.value = ''; apply(); t.blur(); }
              else if (e.key === 'Enter' && t === search) { e.preventDefault(); move(1); }
              return;
            }
            if (t.tagName === 'BUTTON' && (e.key === 'Enter' || e.key === ' ')) return;
            const here = t.closest ? t.closest('article.q') : null;
            if (e.key === '/') { e.preventDefault(); search.focus(); }
            else if (e.key === 'j' || e.key === 'ArrowDown') { e.preventDefault(); move(1); }
            else if (e.key === 'k' || e.key === 'ArrowUp') { e.preventDefault(); move(-1); }
            else if ((e.key === 'Enter' || e.key === ' ') && here) { e.preventDefault(); reveal(here); }
            else if (e.key === 'Escape') clear();
          });
          apply();
        })();
        """;

    /// <inheritdoc/>
    public void Write(Stream output, ExportSource source, ExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(source);
        var groups = StudyGroups.Of(source);
        var packs = groups.Select(g => g.Pack).Distinct().ToList();
        string title = (packs.Count == 1 ? packs[0].Title : "HR Prep") + ": study page";
        int total = groups.Sum(g => g.Questions.Count);
        using var w = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        string script = FsrsScript + Script;
        string csp = $"default-src 'none'; style-src '{Hash(Style)}'; script-src '{Hash(script)}'; img-src data:; base-uri 'none'; form-action 'none'";
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine($"<html lang=\"{SafeHtml.Escape(packs.Count == 1 ? packs[0].Language : "en")}\">");
        w.WriteLine("<head>");
        w.WriteLine("<meta charset=\"utf-8\">");
        w.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        w.WriteLine($"<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">");
        w.WriteLine($"<title>{SafeHtml.Escape(title)}</title>");
        w.Write("<style>");
        w.Write(Style);
        w.WriteLine("</style>");
        w.WriteLine("</head>");
        w.WriteLine("<body>");
        w.WriteLine("<header class=\"top\">");
        w.WriteLine($"<h1>{SafeHtml.Escape(title)}</h1>");
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"<p class=\"sub\">{total} question{(total == 1 ? "" : "s")} · {SafeHtml.Escape(string.Join(", ", packs.Select(p => $"{p.Title} {p.Version}")))}</p>"));
        w.WriteLine("<div class=\"controls\" role=\"search\">");
        w.WriteLine("<input id=\"q\" type=\"search\" placeholder=\"Search questions (press /)\" aria-label=\"Search questions\" autocomplete=\"off\">");
        w.WriteLine("<select id=\"f-category\" aria-label=\"Category\"><option value=\"\">All categories</option>");
        foreach (var g in groups)
        {
            string label = (packs.Count == 1 ? string.Empty : g.Pack.Title + ": ") + g.Category.Title;
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"<option value=\"{SafeHtml.Escape(CategoryKey(g.Pack.Id, g.Category.Id))}\">{SafeHtml.Escape(label)} ({g.Questions.Count})</option>"));
        }

        w.WriteLine("</select>");
        Select(w, "f-level", "Level", "All levels", SchemaNames.Levels);
        Select(w, "f-type", "Type", "All types", SchemaNames.QuestionTypes);
        w.WriteLine("<button id=\"expand\" type=\"button\" aria-pressed=\"false\">Show all answers</button>");
        w.WriteLine("<button id=\"practice\" type=\"button\" aria-pressed=\"false\">Practice mode</button>");
        w.WriteLine("<label id=\"due-label\" hidden><input id=\"due-only\" type=\"checkbox\"> Due only</label>");
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"<span id=\"count\" aria-live=\"polite\">{total} of {total} questions</span>"));
        w.WriteLine("</div>");
        w.WriteLine("<p class=\"keys\"><kbd>/</kbd> search · <kbd>j</kbd>/<kbd>k</kbd> or <kbd>↓</kbd>/<kbd>↑</kbd> next/previous · <kbd>Enter</kbd> or <kbd>Space</kbd> show answer · <kbd>Esc</kbd> clear filters</p>");
        w.WriteLine("</header>");
        w.WriteLine("<main id=\"list\">");
        foreach (var p in packs.Where(p => p.Disclaimer is not null))
        {
            w.WriteLine($"<p class=\"disclaimer\">{SafeHtml.Escape(p.Disclaimer)}</p>");
        }

        foreach (var g in groups)
        {
            w.WriteLine($"<section class=\"cat\" id=\"{SafeHtml.Escape(g.Anchor)}\">");
            w.WriteLine($"<h2>{SafeHtml.Escape(packs.Count == 1 ? g.Category.Title : g.Pack.Title + ": " + g.Category.Title)}</h2>");
            foreach (var q in g.Questions)
            {
                WriteQuestion(w, q, g);
            }

            w.WriteLine("</section>");
        }

        w.WriteLine("<p id=\"empty\" hidden>No questions match. Press <kbd>Esc</kbd> to clear the filters.</p>");
        w.WriteLine("</main>");
        w.Write("<script>");
        w.Write(script);
        w.WriteLine("</script>");
        w.WriteLine("</body>");
        w.WriteLine("</html>");
    }

    private static void WriteQuestion(TextWriter w, Question q, StudyGroup g)
    {
        string id = SafeHtml.Escape(q.Id);
        string search = string.Join(' ', new[] { q.Prompt, q.Id, g.Category.Title, q.Answer.Summary }.Concat(q.Tags).Concat(q.Answer.KeyPoints));
        w.WriteLine($"<article class=\"q\" id=\"q-{id}\" tabindex=\"-1\" data-category=\"{SafeHtml.Escape(CategoryKey(g.Pack.Id, g.Category.Id))}\" data-level=\"{q.Level.ToSchemaName()}\" data-type=\"{q.Type.ToSchemaName()}\" data-search=\"{SafeHtml.Escape(search)}\">");
        w.Write($"<div class=\"meta\"><span class=\"chip\">{q.Level.ToSchemaName()}</span><span class=\"chip\">{q.Type.ToSchemaName()}</span>");
        foreach (var tag in q.Tags)
        {
            w.Write($"<span class=\"chip\">#{SafeHtml.Escape(tag)}</span>");
        }

        w.WriteLine($"<span class=\"chip id\">{id}</span></div>");
        w.WriteLine($"<h3 class=\"prompt\">{SafeHtml.EscapeLines(q.Prompt)}</h3>");
        if (q.Scenario is not null)
        {
            w.WriteLine($"<div class=\"scenario\">{SafeHtml.Scenario(q.Scenario)}</div>");
        }

        w.WriteLine($"<button class=\"reveal\" type=\"button\" aria-expanded=\"false\" aria-controls=\"a-{id}\">Show answer</button>");
        w.WriteLine($"<div class=\"practice\" hidden><textarea rows=\"4\" aria-label=\"Your answer to {id}\" placeholder=\"Your answer (kept in this browser only)\"></textarea>");
        w.WriteLine("<div class=\"rate\"><span>Check the answer, then rate your recall:</span><button type=\"button\" data-rating=\"1\">1 Again</button><button type=\"button\" data-rating=\"2\">2 Hard</button><button type=\"button\" data-rating=\"3\">3 Good</button><button type=\"button\" data-rating=\"4\">4 Easy</button></div>");
        w.WriteLine("<p class=\"sched\" aria-live=\"polite\"></p></div>");
        w.WriteLine($"<div class=\"answer\" id=\"a-{id}\" hidden>");
        w.WriteLine(SafeHtml.Markdown(q.Answer.Summary));
        Part(w, "Key points", SafeHtml.List(q.Answer.KeyPoints));
        Part(w, "Follow-up questions", SafeHtml.List(q.FollowUps));
        Part(w, "What interviewers listen for", SafeHtml.List(q.LookFor));
        Part(w, "Red flags", SafeHtml.List(q.RedFlags), "red");
        if (q.Jurisdiction is not null && !string.Equals(q.Jurisdiction, "global", StringComparison.Ordinal))
        {
            w.WriteLine($"<p class=\"note\">Jurisdiction: {SafeHtml.Escape(q.Jurisdiction)}. Study material, not legal advice.</p>");
        }

        Part(w, "Sources", SafeHtml.Sources(q.Sources));
        if (q.Attribution is { } attribution)
        {
            Part(w, "Prompt from", SafeHtml.Sources([new SourceReference(attribution.Title, attribution.Url)]));
        }
        w.WriteLine("</div>");
        w.WriteLine("</article>");
    }

    private static void Part(TextWriter w, string heading, string html, string? cssClass = null)
    {
        if (html.Length > 0)
        {
            w.WriteLine($"<div{(cssClass is null ? "" : $" class=\"{cssClass}\"")}><h4>{heading}</h4>{html}</div>");
        }
    }

    private static void Select(TextWriter w, string id, string label, string all, IEnumerable<string> values)
    {
        w.Write($"<select id=\"{id}\" aria-label=\"{label}\"><option value=\"\">{all}</option>");
        foreach (var v in values)
        {
            w.Write($"<option value=\"{v}\">{v}</option>");
        }

        w.WriteLine("</select>");
    }

    private static string CategoryKey(string pack, string category) => pack + "/" + category;

    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
