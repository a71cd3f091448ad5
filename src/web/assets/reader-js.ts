/**
 * The reader's one script, served by assets.ts under a content-hashed URL (a string for the
 * same reason as reader-css.ts). Progressive enhancement only: every action it speeds up is
 * also a plain link or form that works without it. It adds keyboard shortcuts, read/star
 * toggles without a page load, mark-read-on-scroll, infinite scroll, the theme switch, local
 * times, j/k between articles of the list an article was opened from, and a busy "Refresh now". No inline script
 * anywhere (the CSP forbids it); settings come from `data-` attributes on <body>.
 */
export const READER_JS = `
(function () {
  'use strict';
  var body = document.body;
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrf = csrfMeta ? csrfMeta.getAttribute('content') : '';
  var LIST_KEY = 'tidings-list';
  var THEMES = ['system', 'light', 'dark'];
  var THEME_LABELS = { system: 'Theme: auto', light: 'Theme: light', dark: 'Theme: dark' };

  function post(url, params) {
    var data = new URLSearchParams(params);
    if (!data.has('_csrf')) data.set('_csrf', csrf);
    return fetch(url, {
      method: 'POST', credentials: 'same-origin', body: data,
      headers: { 'Accept': 'application/json', 'X-CSRF-Token': csrf }
    }).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    });
  }

  function setCount(total) {
    var count = document.querySelector('[data-testid="unread-count"]');
    if (count && typeof total === 'number') count.textContent = String(total);
  }

  function applyState(scope, state) {
    if (!scope) return;
    if (typeof state.read === 'boolean') {
      scope.classList.toggle('read', state.read);
      scope.classList.toggle('unread', !state.read);
      scope.querySelectorAll('form.read-form').forEach(function (form) {
        form.elements.read.value = state.read ? '0' : '1';
        var button = form.querySelector('button');
        if (button) button.textContent = state.read ? 'Mark unread' : 'Mark read';
      });
    }
    if (typeof state.starred === 'boolean') {
      scope.querySelectorAll('form.star-form').forEach(function (form) {
        form.elements.starred.value = state.starred ? '0' : '1';
        var button = form.querySelector('button');
        if (button) {
          button.setAttribute('aria-pressed', state.starred ? 'true' : 'false');
          button.textContent = state.starred ? '★ Starred' : '☆ Star';
        }
      });
    }
    setCount(state.unread);
  }

  function scopeOf(form) {
    return form.closest('[data-testid="article-item"]') || form.closest('[data-testid="article"]');
  }

  function submitToggle(form) {
    post(form.action, new FormData(form)).then(function (state) { applyState(scopeOf(form), state); })
      .catch(function () { form.submit(); });
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    if (form.classList.contains('read-form') || form.classList.contains('star-form')) {
      event.preventDefault();
      submitToggle(form);
    } else if (form.id === 'theme-form') {
      event.preventDefault();
      var button = form.querySelector('button[name="theme"]');
      var theme = button ? button.value : 'system';
      document.documentElement.setAttribute('data-theme', theme);
      var params = new FormData(form);
      params.set('theme', theme);
      post(form.action, params).catch(function () {});
      var next = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length];
      if (button) { button.value = next; button.textContent = THEME_LABELS[theme]; }
    } else if (form.classList.contains('refresh-form')) {
      // The fetch takes a moment and the form posts normally: say so, and a disabled button cannot send it twice.
      var refresh = form.querySelector('button');
      if (refresh) {
        refresh.disabled = true;
        refresh.textContent = 'Refreshing…';
      }
    }
  });

  // Local times: the server writes UTC; the browser knows the reader's zone.
  document.querySelectorAll('time.local[datetime]').forEach(function (node) {
    var date = new Date(node.getAttribute('datetime'));
    if (!isNaN(date.getTime())) node.textContent = date.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
  });

  function items() { return Array.prototype.slice.call(document.querySelectorAll('[data-testid="article-item"]')); }
  var selected = -1;

  function select(index) {
    var list = items();
    if (list.length === 0) return;
    index = Math.max(0, Math.min(list.length - 1, index));
    if (list[selected]) list[selected].classList.remove('selected');
    selected = index;
    list[index].classList.add('selected');
    list[index].scrollIntoView({ block: 'nearest' });
  }

  function current() {
    return items()[selected] || document.querySelector('[data-testid="article"]');
  }

  function rememberList() {
    var links = items().map(function (item) { return item.querySelector('a.item-link'); }).filter(Boolean);
    if (links.length === 0) return;
    try {
      sessionStorage.setItem(LIST_KEY, JSON.stringify(links.map(function (a) { return a.getAttribute('href'); })));
    } catch (e) { /* storage may be disabled */ }
  }

  function stepArticle(step) {
    var here = location.pathname;
    try {
      var list = JSON.parse(sessionStorage.getItem(LIST_KEY) || '[]');
      var at = list.findIndex(function (href) { return href.split('?')[0] === here; });
      if (at >= 0 && list[at + step]) location.href = list[at + step];
    } catch (e) { /* nothing remembered */ }
  }

  var help = document.getElementById('keyboard-help');
  function toggleHelp(show) {
    if (!help) return;
    help.hidden = show === undefined ? !help.hidden : !show;
    if (!help.hidden) help.focus();
  }
  document.querySelectorAll('[data-close-help]').forEach(function (button) {
    button.addEventListener('click', function () { toggleHelp(false); });
  });

  var pendingG = 0;
  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) {
      if (event.key === 'Escape') target.blur();
      return;
    }
    var key = event.key;
    var onArticle = body.getAttribute('data-page') === 'article';
    if (pendingG && Date.now() - pendingG < 1500) {
      pendingG = 0;
      var go = { u: '/unread', a: '/all', s: '/starred', f: '/subscriptions', h: '/feeds/health' }[key];
      if (go) { event.preventDefault(); location.href = go; }
      return;
    }
    pendingG = 0;
    var item = current();
    if (key === 'j' || key === 'k') {
      event.preventDefault();
      if (onArticle) stepArticle(key === 'j' ? 1 : -1);
      else select(selected + (key === 'j' ? 1 : -1));
    } else if (key === 'o' || (key === 'Enter' && !(target instanceof HTMLAnchorElement) && !(target instanceof HTMLButtonElement))) {
      var link = item && !onArticle ? item.querySelector('a.item-link') : null;
      if (link) { event.preventDefault(); rememberList(); location.href = link.href; }
    } else if (key === 'v') {
      var original = item ? item.querySelector('a.original-link') : null;
      if (original) { event.preventDefault(); window.open(original.href, '_blank', 'noopener,noreferrer'); }
    } else if (key === 'm' || key === 's') {
      var form = item ? item.querySelector(key === 'm' ? 'form.read-form' : 'form.star-form') : null;
      if (form) { event.preventDefault(); submitToggle(form); }
    } else if (key === '/') {
      var box = document.getElementById('search-box');
      if (box) { event.preventDefault(); box.focus(); box.select(); }
    } else if (key === 'g') {
      pendingG = Date.now();
    } else if (key === '?') {
      event.preventDefault();
      toggleHelp();
    } else if (key === 'Escape') {
      toggleHelp(false);
    }
  });

  document.addEventListener('click', function (event) {
    var link = event.target instanceof Element ? event.target.closest('a.item-link') : null;
    if (link) rememberList();
  });

  // Mark read on scroll: items that scroll out past the top are marked read, in batches.
  var queue = [];
  var flushTimer = 0;
  function flushRead() {
    flushTimer = 0;
    if (queue.length === 0) return;
    var ids = queue.splice(0, queue.length);
    post('/articles/mark-read', { ids: ids.join(','), read: '1' }).then(function (state) { setCount(state.unread); })
      .catch(function () { queue = ids.concat(queue); });
  }
  var scrollObserver = null;
  if (body.getAttribute('data-mark-read') === 'scroll' && 'IntersectionObserver' in window) {
    scrollObserver = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        var node = entry.target;
        if (entry.isIntersecting || entry.boundingClientRect.bottom > 0 || !node.classList.contains('unread')) return;
        node.classList.remove('unread');
        node.classList.add('read');
        applyState(node, { read: true });
        queue.push(node.getAttribute('data-id'));
        scrollObserver.unobserve(node);
        if (!flushTimer) flushTimer = setTimeout(flushRead, 800);
      });
    });
    items().forEach(function (node) { scrollObserver.observe(node); });
    window.addEventListener('pagehide', flushRead);
  }

  // Infinite scroll: the "older" link loads the next page into this one when it comes into view.
  function watchNext() {
    var next = document.querySelector('a[data-testid="next-page"]');
    if (!next || body.getAttribute('data-paging') !== 'infinite' || !('IntersectionObserver' in window)) return;
    var loading = false;
    var observer = new IntersectionObserver(function (entries) {
      if (loading || !entries.some(function (e) { return e.isIntersecting; })) return;
      loading = true;
      fetch(next.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
        .then(function (response) { return response.text(); })
        .then(function (text) {
          var page = new DOMParser().parseFromString(text, 'text/html');
          var list = document.querySelector('.items');
          page.querySelectorAll('.items > [data-testid="article-item"]').forEach(function (node) {
            var adopted = document.importNode(node, true);
            list.appendChild(adopted);
            if (scrollObserver) scrollObserver.observe(adopted);
          });
          var idsField = document.querySelector('form.mark-page-read input[name="ids"]');
          if (idsField) idsField.value = items().map(function (node) { return node.getAttribute('data-id'); }).join(',');
          var pager = document.querySelector('.pager');
          var newPager = page.querySelector('.pager');
          observer.disconnect();
          if (pager && newPager) pager.replaceWith(document.importNode(newPager, true));
          else if (pager) pager.remove();
          watchNext();
        })
        .catch(function () { loading = false; });
    }, { rootMargin: '400px' });
    observer.observe(next);
  }
  watchNext();
})();
`;
