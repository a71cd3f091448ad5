"""Prints what Python's feedparser makes of feed documents, in the shape the differential
test compares (src/parse/parse-feed.oracle.test.ts; the field mapping is in docs/parse-json.md).

Reads a JSON list of {"file": path, "contentType": optional header value} on stdin and
writes one JSON object per file on stdout, in the same order.
"""
import calendar
import json
import sys
import time

import feedparser


def iso(parsed):
    if not parsed:
        return None
    return time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime(calendar.timegm(parsed)))


def text_type(detail):
    if not detail:
        return None
    kind = detail.get('type') or ''
    return 'html' if 'html' in kind else 'text'


def person(p):
    return {'name': p.get('name'), 'email': p.get('email'), 'url': p.get('href')}


def people(container, key):
    value = container.get(key)
    if value:
        return [person(p) for p in value if any(p.values())]
    return []


def tags(container):
    return [{'term': t.get('term'), 'scheme': t.get('scheme'), 'label': t.get('label')}
            for t in container.get('tags', []) if t.get('term')]


def links(container):
    out = []
    for link in container.get('links', []):
        out.append({'href': link.get('href'), 'rel': link.get('rel'), 'type': link.get('type'),
                    'title': link.get('title'), 'length': link.get('length')})
    return out


def common(c):
    return {
        'id': c.get('id'),
        'title': c.get('title'),
        'titleType': text_type(c.get('title_detail')),
        'link': c.get('link'),
        'links': links(c),
        'rights': c.get('rights'),
        'rightsType': text_type(c.get('rights_detail')),
        'language': c.get('language'),
        # dict.get: FeedParserDict.get('updated_parsed') falls back to published_parsed.
        'updated': iso(dict.get(c, 'updated_parsed')),
        'published': iso(dict.get(c, 'published_parsed')),
        'authors': people(c, 'authors'),
        'contributors': people(c, 'contributors'),
        'categories': tags(c),
    }


def feed_of(f):
    out = common(f)
    out['subtitle'] = f.get('subtitle')
    out['subtitleType'] = text_type(f.get('subtitle_detail'))
    image = f.get('image')
    out['image'] = {'url': image.get('href'), 'title': image.get('title'), 'link': image.get('link'),
                    'width': image.get('width'), 'height': image.get('height')} if image else None
    out['icon'] = f.get('icon')
    out['logo'] = f.get('logo')
    g = f.get('generator_detail')
    out['generator'] = {'name': g.get('name'), 'version': g.get('version'), 'url': g.get('href')} if g else None
    out['ttl'] = f.get('ttl')
    out['docs'] = f.get('docs')
    return out


def entry_of(e):
    out = common(e)
    out['summary'] = e.get('summary')
    content = e.get('content')
    # A summary copied from the content has no summary_detail: it has the content's type.
    out['summaryType'] = text_type(e.get('summary_detail') or (content[0] if content and out['summary'] else None))
    out['content'] = content[0].get('value') if content else None
    out['contentType'] = text_type(content[0]) if content else None
    out['enclosures'] = [{'url': x.get('href'), 'type': x.get('type'), 'length': x.get('length')}
                         for x in e.get('enclosures', []) if x.get('href')]
    out['comments'] = e.get('comments')
    source = e.get('source')
    out['source'] = common(source) if source else None
    return out


def main():
    requests = json.load(sys.stdin)
    for request in requests:
        headers = {}
        if request.get('contentType'):
            headers['content-type'] = request['contentType']
        if request.get('url'):
            # The document's address is its base; application/xml keeps the local-file charset rules.
            headers['content-location'] = request['url']
            headers.setdefault('content-type', 'application/xml')
        for name, value in (request.get('headers') or {}).items():
            headers[name.lower()] = value
        with open(request['file'], 'rb') as handle:
            data = handle.read()
        result = feedparser.parse(data, response_headers=headers or None)
        out = {
            'file': request['file'],
            'bozo': bool(result.get('bozo')),
            'encoding': result.get('encoding'),
            'version': result.get('version'),
            'feed': feed_of(result.get('feed', {})),
            'entries': [entry_of(e) for e in result.get('entries', [])],
        }
        sys.stdout.write(json.dumps(out, ensure_ascii=False, default=str) + '\n')


main()
