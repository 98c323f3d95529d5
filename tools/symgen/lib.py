import math

K = '#1A1A1A'
WHITE = '#FFFFFF'
SKIN_L, SKIN_M, SKIN_D = '#F4C7A1', '#C68642', '#8D5524'
BLUE = '#2F6FD0'
GREEN = '#2E9E4F'
AMBER = '#F2B632'
RED = '#D64541'
GREY = '#D9D9D9'
PURPLE = '#7B5EA7'
LGREEN = '#8CC152'
ORANGE = '#EE8A2E'
MGREY = '#8C8C8C'
SW = 6


def n(x):
    s = ('%.2f' % x).rstrip('0').rstrip('.')
    return '0' if s in ('-0', '') else s


def _st(fill, stroke, sw):
    a = 'fill="%s"' % fill
    if stroke:
        a += ' stroke="%s" stroke-width="%s" stroke-linecap="round" stroke-linejoin="round"' % (stroke, n(sw))
    return a


def rect(x, y, w, h, fill, rx=0, stroke=K, sw=SW):
    r = ' rx="%s"' % n(rx) if rx else ''
    return '<rect x="%s" y="%s" width="%s" height="%s"%s %s/>' % (n(x), n(y), n(w), n(h), r, _st(fill, stroke, sw))


def box(x0, y0, x1, y1, fill, rx=0, stroke=K, sw=SW):
    return rect(x0, y0, x1 - x0, y1 - y0, fill, rx, stroke, sw)


def circle(cx, cy, r, fill, stroke=K, sw=SW):
    return '<circle cx="%s" cy="%s" r="%s" %s/>' % (n(cx), n(cy), n(r), _st(fill, stroke, sw))


def ellipse(cx, cy, rx, ry, fill, stroke=K, sw=SW):
    return '<ellipse cx="%s" cy="%s" rx="%s" ry="%s" %s/>' % (n(cx), n(cy), n(rx), n(ry), _st(fill, stroke, sw))


def dot(cx, cy, r, fill=K):
    return circle(cx, cy, r, fill, None)


def path(d, fill='none', stroke=K, sw=SW):
    return '<path d="%s" %s/>' % (d, _st(fill, stroke, sw))


def line(x1, y1, x2, y2, stroke=K, sw=SW):
    return '<line x1="%s" y1="%s" x2="%s" y2="%s" %s/>' % (n(x1), n(y1), n(x2), n(y2), _st('none', stroke, sw))


def pts(ps):
    return ' '.join('%s,%s' % (n(x), n(y)) for x, y in ps)


def polygon(ps, fill, stroke=K, sw=SW):
    return '<polygon points="%s" %s/>' % (pts(ps), _st(fill, stroke, sw))


def polyline(ps, stroke=K, sw=SW):
    return '<polyline points="%s" %s/>' % (pts(ps), _st('none', stroke, sw))


def limb(ps, colour, w=10, o=5):
    """A thick stroke in `colour` with a black outline `o` wide each side."""
    return [polyline(ps, K, w + 2 * o), polyline(ps, colour, w)]


def arc_pts(cx, cy, r, a0, a1, steps=24, ry=None):
    ry = r if ry is None else ry
    out = []
    for i in range(steps + 1):
        a = math.radians(a0 + (a1 - a0) * i / steps)
        out.append((cx + r * math.cos(a), cy + ry * math.sin(a)))
    return out


def bez_pts(p0, p1, p2, p3=None, steps=24):
    out = []
    for i in range(steps + 1):
        t = i / steps
        if p3 is None:
            x = (1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * p1[0] + t * t * p2[0]
            y = (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * p1[1] + t * t * p2[1]
        else:
            x = (1 - t) ** 3 * p0[0] + 3 * (1 - t) ** 2 * t * p1[0] + 3 * (1 - t) * t * t * p2[0] + t ** 3 * p3[0]
            y = (1 - t) ** 3 * p0[1] + 3 * (1 - t) ** 2 * t * p1[1] + 3 * (1 - t) * t * t * p2[1] + t ** 3 * p3[1]
        out.append((x, y))
    return out


def arrow(ps, colour, w=12, head_len=20, head_w=34):
    """Outlined thick arrow along polyline ps; the head's tip is the last point.
    The head's base sits on the line head_len before the tip (measured along
    the line), and the shaft runs into the middle of that base."""
    tip = ps[-1]
    need = head_len
    i = len(ps) - 1
    base = ps[0]
    while i > 0:
        (x0, y0), (x1, y1) = ps[i - 1], ps[i]
        seg = math.hypot(x1 - x0, y1 - y0)
        if seg >= need:
            t = need / seg
            base = (x1 + (x0 - x1) * t, y1 + (y0 - y1) * t)
            break
        need -= seg
        i -= 1
    chord = math.hypot(tip[0] - base[0], tip[1] - base[1])
    ux, uy = (tip[0] - base[0]) / chord, (tip[1] - base[1]) / chord
    base = (tip[0] - ux * head_len, tip[1] - uy * head_len)
    px, py = -uy, ux
    tri = [tip, (base[0] + px * head_w / 2, base[1] + py * head_w / 2),
           (base[0] - px * head_w / 2, base[1] - py * head_w / 2)]
    shaft = list(ps[:i]) + [base, (base[0] + ux * 3, base[1] + uy * 3)]
    return [polyline(shaft, K, w + 10), polygon(tri, colour), polyline(shaft, colour, w)]


def heart_d(cx, cy, s):
    """Heart path, width s, centred on (cx, cy)."""
    P = [(0, 0.42), (-0.12, 0.32), (-0.5, 0.08), (-0.5, -0.16), (-0.5, -0.36), (-0.36, -0.46), (-0.24, -0.46),
         (-0.12, -0.46), (-0.03, -0.38), (0, -0.26), (0.03, -0.38), (0.12, -0.46), (0.24, -0.46),
         (0.36, -0.46), (0.5, -0.36), (0.5, -0.16), (0.5, 0.08), (0.12, 0.32), (0, 0.42)]
    q = [(cx + x * s, cy + y * s) for x, y in P]
    d = 'M%s %s' % (n(q[0][0]), n(q[0][1]))
    for i in range(1, len(q), 3):
        d += ' C%s %s %s %s %s %s' % (n(q[i][0]), n(q[i][1]), n(q[i + 1][0]), n(q[i + 1][1]), n(q[i + 2][0]), n(q[i + 2][1]))
    return d + ' Z'


def heart(cx, cy, s, fill=RED, sw=SW):
    return path(heart_d(cx, cy, s), fill, K, sw)


def body_d(cx, top, w, bottom, rr=None):
    rr = rr if rr is not None else min(w * 0.4, bottom - top)
    x0, x1 = cx - w / 2, cx + w / 2
    return 'M%s %s V%s A%s %s 0 0 1 %s %s H%s A%s %s 0 0 1 %s %s V%s Z' % (
        n(x0), n(bottom), n(top + rr), n(rr), n(rr), n(x0 + rr), n(top), n(x1 - rr), n(rr), n(rr), n(x1),
        n(top + rr), n(bottom))


def bust(cx, hy, r, skin, shirt, bottom=91, w=None, face=None):
    """Head-and-shoulders person: head radius r centred at (cx, hy)."""
    w = w if w is not None else r * 3.4
    top = hy + r * 1.35
    out = [path(body_d(cx, top, w, bottom), shirt), circle(cx, hy, r, skin)]
    if face:
        out += face_marks(cx, hy, r, face)
    return out


def face_marks(cx, cy, r, kind):
    e = r * 0.38
    er = max(r * 0.11, 1.6)
    out = [dot(cx - e, cy - r * 0.12, er), dot(cx + e, cy - r * 0.12, er)]
    msw = max(r * 0.13, 2.4)
    if kind == 'smile':
        out.append(path('M%s %s Q%s %s %s %s' % (n(cx - r * 0.42), n(cy + r * 0.28), n(cx), n(cy + r * 0.72),
                                                  n(cx + r * 0.42), n(cy + r * 0.28)), 'none', K, msw))
    elif kind == 'worried':
        out.append(path('M%s %s Q%s %s %s %s' % (n(cx - r * 0.36), n(cy + r * 0.55), n(cx), n(cy + r * 0.25),
                                                  n(cx + r * 0.36), n(cy + r * 0.55)), 'none', K, msw))
    return out


def figure(cx, top, H, skin, shirt, legs=MGREY, arms=None, leg_pts=None, hands=True):
    """Standing full figure H tall. arms/leg_pts are lists of point lists in
    units of H relative to (cx, top). Limbs sit behind the torso, so the
    torso keeps one clean outline."""
    u = lambda p: (cx + p[0] * H, top + p[1] * H)
    hr = 0.11 * H
    w = 0.12 * H
    o = max(0.045 * H, 3.5)
    arms = arms if arms is not None else [[(-0.1, 0.32), (-0.17, 0.56)], [(0.1, 0.32), (0.17, 0.56)]]
    leg_pts = leg_pts if leg_pts is not None else [[(-0.065, 0.6), (-0.07, 0.93)], [(0.065, 0.6), (0.07, 0.93)]]
    out = []
    for lp in leg_pts:
        out += limb([u(p) for p in lp], legs, w, o)
    for ap in arms:
        q = [u(p) for p in ap]
        out += limb(q, shirt, w * 0.85, o)
        if hands:
            out.append(circle(q[-1][0], q[-1][1], w * 0.5, skin, K, o))
    tw = 0.3 * H
    out.append(path(body_d(cx, top + 0.26 * H, tw, top + 0.64 * H, tw * 0.3), shirt, K, o * 1.2))
    out.append(circle(cx, top + hr + o / 2, hr, skin, K, o * 1.2))
    return out


def qmark(cx, cy, s, colour=K, sw=None):
    """Question-mark shape (drawn, not text), s = height."""
    sw = sw or max(s * 0.16, 4)
    h = s
    d = 'M%s %s C%s %s %s %s %s %s C%s %s %s %s %s %s L%s %s' % (
        n(cx - 0.26 * h), n(cy - 0.24 * h),
        n(cx - 0.26 * h), n(cy - 0.55 * h), n(cx + 0.3 * h), n(cy - 0.55 * h), n(cx + 0.28 * h), n(cy - 0.22 * h),
        n(cx + 0.27 * h), n(cy - 0.02 * h), n(cx), n(cy - 0.02 * h), n(cx), n(cy + 0.16 * h),
        n(cx), n(cy + 0.2 * h))
    return [path(d, 'none', colour, sw), dot(cx, cy + 0.43 * h, sw * 0.62, colour)]


def clock(cx, cy, r, face=WHITE, h1=(0, -0.6), h2=(0.45, 0.0), hand_sw=SW):
    out = [circle(cx, cy, r, face)]
    out.append(polyline([(cx + h1[0] * r, cy + h1[1] * r), (cx, cy), (cx + h2[0] * r, cy + h2[1] * r)], K, hand_sw))
    return out


def bubble(x0, y0, x1, y1, tail, fill=WHITE, rx=10):
    """Speech bubble: rounded box plus a tail to point `tail`, one outlined shape."""
    tx, ty = tail
    # tail base on the bottom edge, nearest the tail's x
    bx = min(max(tx, x0 + rx + 6), x1 - rx - 16)
    d = ('M%s %s H%s A%s %s 0 0 1 %s %s V%s A%s %s 0 0 1 %s %s H%s L%s %s L%s %s H%s A%s %s 0 0 1 %s %s V%s '
         'A%s %s 0 0 1 %s %s Z') % (
        n(x0 + rx), n(y0), n(x1 - rx), n(rx), n(rx), n(x1), n(y0 + rx), n(y1 - rx), n(rx), n(rx), n(x1 - rx), n(y1),
        n(bx + 14), n(tx), n(ty), n(bx), n(y1), n(x0 + rx), n(rx), n(rx), n(x0), n(y1 - rx), n(y0 + rx),
        n(rx), n(rx), n(x0 + rx), n(y0))
    return path(d, fill)


def badge(cx, cy, r, fill):
    return circle(cx, cy, r, fill)


def tick_pts(cx, cy, s):
    return [(cx - 0.42 * s, cy + 0.02 * s), (cx - 0.12 * s, cy + 0.32 * s), (cx + 0.45 * s, cy - 0.3 * s)]


def cross_lines(cx, cy, s, colour, sw):
    return [line(cx - s, cy - s, cx + s, cy + s, colour, sw), line(cx - s, cy + s, cx + s, cy - s, colour, sw)]


def envelope(x0, y0, x1, y1, fill=WHITE):
    mx = (x0 + x1) / 2
    return [box(x0, y0, x1, y1, fill, 4),
            polyline([(x0 + 2, y0 + 2), (mx, y0 + (y1 - y0) * 0.55), (x1 - 2, y0 + 2)])]


def house(cx, base, w, wall=GREY, roof=BLUE, door=AMBER):
    x0, x1 = cx - w / 2, cx + w / 2
    wall_top = base - w * 0.62
    apex = wall_top - w * 0.5
    out = [box(x0 + w * 0.08, wall_top, x1 - w * 0.08, base, wall),
           polygon([(x0 - w * 0.06, wall_top + w * 0.04), (cx, apex), (x1 + w * 0.06, wall_top + w * 0.04)], roof),
           box(cx - w * 0.13, base - w * 0.36, cx + w * 0.13, base, door)]
    return out


def svg(name, elements):
    body = []
    for e in elements:
        if isinstance(e, (list, tuple)):
            body.extend(flatten(e))
        else:
            body.append(e)
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100">\n'
            '  <!-- sayso symbol: %s -->\n'
            '  <rect x="0" y="0" width="100" height="100" fill="#FFFFFF"/>\n' % name +
            ''.join('  %s\n' % b for b in body) + '</svg>\n')


def flatten(x):
    out = []
    for e in x:
        if isinstance(e, (list, tuple)):
            out.extend(flatten(e))
        else:
            out.append(e)
    return out


def thumbs_up(cx, cy, s, skin):
    """A fist with the thumb up; s is the fist's width, (cx, cy) its centre."""
    out = limb([(cx - s * 0.2, cy - s * 0.3), (cx - s * 0.14, cy - s * 0.95)], skin, s * 0.36, 4.5)
    out.append(box(cx - s * 0.5, cy - s * 0.4, cx + s * 0.5, cy + s * 0.5, skin, s * 0.22, K, 5))
    out.append(line(cx, cy + s * 0.05, cx + s * 0.5, cy + s * 0.05, K, 4))
    return out


def palm(cx, cy, k, fill):
    """An open hand, palm out, fingers up; k scales a 100-unit design centred on (cx, cy)."""
    u = lambda x, y: (cx + (x - 46) * k, cy + (y - 52) * k)
    ow = max(4 * k, 2.5)
    out = []
    fingers = [[u(x, 56), u(x, top)] for x, top in ((34, 28), (45, 14), (56, 14), (67, 24))]
    fingers.append([u(28, 70), u(16, 52)])
    out += [polyline(f, K, 8.5 * k + 2 * ow) for f in fingers]
    out += [polyline(f, fill, 8.5 * k) for f in fingers]
    d = 'M%s %s H%s V%s Q%s %s %s %s H%s Q%s %s %s %s Z' % tuple(
        n(v) for v in (u(26, 48)[0], u(26, 48)[1], u(74, 48)[0], u(74, 74)[1], u(74, 90)[0], u(74, 90)[1],
                       u(58, 90)[0], u(58, 90)[1], u(42, 90)[0], u(26, 90)[0], u(26, 90)[1], u(26, 74)[0],
                       u(26, 74)[1]))
    out.append(path(d, fill, K, max(6 * k, 3.5)))
    return out


def pencil(butt, tip, colour):
    """A pencil from butt to tip: a coloured shaft, a wooden point and a dark lead."""
    dx, dy = tip[0] - butt[0], tip[1] - butt[1]
    L = math.hypot(dx, dy)
    ux, uy = dx / L, dy / L
    px, py = -uy, ux
    cone = 10
    base = (tip[0] - ux * cone, tip[1] - uy * cone)
    w = 6
    out = limb([butt, base], colour, 12, 4)
    out.append(polygon([tip, (base[0] + px * w, base[1] + py * w), (base[0] - px * w, base[1] - py * w)],
                       SKIN_L, K, 4))
    out.append(dot(tip[0] - ux * 2, tip[1] - uy * 2, 3))
    return out


def civic(cx, base, w, wall=GREY, roof=BLUE):
    """A public building: a pediment roof over columns on a step."""
    x0, x1 = cx - w / 2, cx + w / 2
    top = base - w * 1.15
    out = [polygon([(x0 - 2, top + w * 0.34), (cx, top), (x1 + 2, top + w * 0.34)], roof),
           box(x0, base - w * 0.14, x1, base, wall, 0)]
    cols = 3
    cw = w * 0.16
    span = (w - cw * cols) / (cols + 1)
    for i in range(cols):
        x = x0 + span * (i + 1) + cw * i
        out.insert(0, box(x, top + w * 0.34, x + cw, base - w * 0.14, wall, 0, K, 5))
    return out


# ---------------------------------------------------------------- added for the extended set
HAIR = K  # hair is drawn black (or mid grey for an older person)


def neg_badge(cx=73, cy=73, r=18):
    """Negation ("not", "don't"): a red badge with a white cross, lower right."""
    return [circle(cx, cy, r, RED), cross_lines(cx, cy, r * 0.4, WHITE, 6)]


def plus_badge(cx, cy, r, fill, minus=False):
    a = r * 0.5
    out = [circle(cx, cy, r, fill), line(cx - a, cy, cx + a, cy, WHITE, 6)]
    if not minus:
        out.append(line(cx, cy - a, cx, cy + a, WHITE, 6))
    return out


def coin(cx, cy, r, fill=AMBER):
    return [circle(cx, cy, r, fill), circle(cx, cy, r * 0.55, 'none', K, 4)]


def person(cx, hy, r, skin, shirt, bottom=91, w=None, face=None, hair=None, hair_col=K):
    """bust() with optional hair: 'short' (a side-swept cap) or 'long' (falls to the shoulders)."""
    w = w if w is not None else r * 3.4
    top = hy + r * 1.35
    hsw = SW if r >= 12 else 5
    out = [path(body_d(cx, top, w, bottom), shirt)]
    if hair == 'long':
        out.append(box(cx - r * 1.2, hy - r * 1.18, cx + r * 1.2, hy + r * 1.5, hair_col, r * 1.05, K, hsw))
    out.append(circle(cx, hy, r, skin, K, hsw))
    if hair in ('short', 'long'):
        d = 'M%s %s A%s %s 0 0 1 %s %s Q%s %s %s %s Q%s %s %s %s Z' % (
            n(cx - r), n(hy + r * 0.05), n(r), n(r), n(cx + r), n(hy + r * 0.05),
            n(cx + r * 0.7), n(hy - r * 0.5), n(cx + r * 0.1), n(hy - r * 0.45),
            n(cx - r * 0.6), n(hy - r * 0.4), n(cx - r), n(hy + r * 0.05))
        out.append(path(d, hair_col, K, hsw))
    if face:
        out += face_marks(cx, hy, r, face)
    return out


def star_pts(cx, cy, r, inner=0.45, k=5, rot=0):
    ps = []
    for i in range(2 * k):
        rr = r if i % 2 == 0 else r * inner
        a = math.radians(rot - 90 + 180.0 * i / k)
        ps.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    return ps


def star(cx, cy, r, fill=AMBER, sw=5):
    return polygon(star_pts(cx, cy, r), fill, K, sw)


def burst(cx, cy, r, fill=RED, k=8, sw=5):
    return polygon(star_pts(cx, cy, r, 0.55, k, 0), fill, K, sw)


def rot_rect(cx, cy, w, h, deg, fill, sw=SW):
    a = math.radians(deg)
    c, s = math.cos(a), math.sin(a)
    ps = [(cx + x * c - y * s, cy + x * s + y * c) for x, y in ((-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2))]
    return polygon(ps, fill, K, sw)


def pointing_hand(tx, ty, s, skin, direction='up', sleeve=None):
    """A fist with the index finger pointing; (tx, ty) is the finger tip, s the
    hand's length. `sleeve` draws the cuff of a sleeve behind the fist."""
    # designed pointing left, then turned: (dx, dy) along the finger, (px, py) across it
    dx, dy = {'left': (-1, 0), 'right': (1, 0), 'up': (0, -1)}[direction]
    px, py = (-dy, dx) if direction != 'right' else (dy, -dx)
    p = lambda a, b: (tx - dx * a * s + px * b * s, ty - dy * a * s + py * b * s)
    out = []
    if sleeve:
        out += limb([p(0.7, 0.08), p(1.0, 0.08)], sleeve, s * 0.44, 4.5)
    fist = [p(0.32, -0.12), p(0.86, -0.12), p(0.86, 0.36), p(0.32, 0.36)]
    out += limb([p(0.6, 0), p(0.1, 0)], skin, s * 0.2, 4.5)
    out.append(polygon(fist, skin, K, 4.5))
    out.append(path('M%s %s L%s %s' % (n(fist[0][0]), n(fist[0][1]), n(fist[3][0]), n(fist[3][1])), 'none', K, 4.5))
    for b in (0.12, 0.24):
        q0, q1 = p(0.32, b), p(0.5, b)
        out.append(line(q0[0], q0[1], q1[0], q1[1], K, 3.5))
    return out


def gift(x0, y0, x1, y1):
    mx = (x0 + x1) / 2
    return [box(x0, y0, x1, y1, AMBER, 3), line(mx, y0, mx, y1, RED, 6), line(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2, RED, 6),
            box(x0, y0, x1, y1, 'none', 3)]


def page(x0, y0, x1, y1, lines=(), fill=WHITE):
    out = [box(x0, y0, x1, y1, fill, 3)]
    for y, a, b in lines:
        out.append(line(a, y, b, y, MGREY, 5))
    return out


def cal_page(x0, y0, x1, y1, body=WHITE, head=BLUE, rings=True, sw=SW):
    hh = (y1 - y0) * 0.26
    out = [box(x0, y0, x1, y1, body, 4, K, sw), box(x0, y0, x1, y0 + hh, head, 4, K, sw)]
    if rings:
        w = x1 - x0
        out += [line(x0 + w * 0.28, y0 - 5, x0 + w * 0.28, y0 + 5, K, 5), line(x1 - w * 0.28, y0 - 5, x1 - w * 0.28, y0 + 5, K, 5)]
    return out


def profile_head(ox, oy, k, fill=SKIN_L):
    """The side-on head of mental_health, scaled by k and moved by (ox, oy)."""
    P = 'M34 91 L34 74 Q16 64 16 42 Q16 12 48 11 Q78 11 81 38 L89 55 Q91 60 85 60 L81 60 L81 70 Q81 78 72 78 L62 78 L62 91 Z'
    out, nums = [], []
    for tok in P.split():
        c = tok[0]
        if c.isalpha():
            out.append(c)
            tok = tok[1:]
        if tok:
            nums.append(float(tok))
            out.append(None)
    res, idx, xy = [], 0, 0
    for t in out:
        if t is None:
            v = nums[idx]
            idx += 1
            res.append(n(ox + v * k) if xy % 2 == 0 else n(oy + v * k))
            xy += 1
        else:
            res.append(t)
            xy = 0
    d = ''
    for t in res:
        d += t if t.isalpha() else (' ' if d and not d[-1].isalpha() else '') + t
    return path(d, fill)


def crescent_d(cx, cy, r, ox, oy, r2):
    """Crescent: circle (cx, cy, r) minus circle (ox, oy, r2)."""
    dx, dy = ox - cx, oy - cy
    d = math.hypot(dx, dy)
    a = (r * r - r2 * r2 + d * d) / (2 * d)
    h = math.sqrt(max(r * r - a * a, 0))
    mx, my = cx + a * dx / d, cy + a * dy / d
    p1 = (mx + h * dy / d, my - h * dx / d)
    p2 = (mx - h * dy / d, my + h * dx / d)
    return 'M%s %s A%s %s 0 1 0 %s %s A%s %s 0 0 1 %s %s Z' % (
        n(p1[0]), n(p1[1]), n(r), n(r), n(p2[0]), n(p2[1]), n(r2), n(r2), n(p1[0]), n(p1[1]))


def zed(x, y, s, colour=BLUE, sw=5):
    return polyline([(x, y), (x + s, y), (x, y + s), (x + s, y + s)], colour, sw)


def drop(cx, cy, s, fill=BLUE, sw=4):
    """A tear or sweat drop, point up; s is its height."""
    return path('M%s %s Q%s %s %s %s A%s %s 0 0 1 %s %s Q%s %s %s %s Z' % (
        n(cx), n(cy - s / 2), n(cx + s * 0.3), n(cy - s * 0.05), n(cx + s * 0.3), n(cy + s * 0.2),
        n(s * 0.3), n(s * 0.3), n(cx - s * 0.3), n(cy + s * 0.2), n(cx - s * 0.3), n(cy - s * 0.05), n(cx), n(cy - s / 2)),
        fill, K, sw)


def car(x0, y0, k, body, taxi=False):
    """A car side on; x0, y0 top-left of a 80 x 52 design scaled by k."""
    u = lambda x, y: (x0 + x * k, y0 + y * k)
    P = lambda *ps: [u(*p) for p in ps]
    out = []
    if taxi:
        out.append(box(u(30, 0)[0], u(30, 0)[1], u(48, 9)[0], u(48, 9)[1], WHITE, 2, K, 4))
    shape = P((2, 44), (2, 30), (8, 24), (18, 22), (28, 8), (58, 8), (70, 22), (76, 26), (80, 32), (80, 44))
    out.append(polygon(shape, body))
    out.append(polygon(P((31, 13), (40, 13), (40, 22), (24, 22)), WHITE, K, 4))
    out.append(polygon(P((46, 13), (56, 13), (63, 22), (46, 22)), WHITE, K, 4))
    for wx in (20, 62):
        c = u(wx, 44)
        out += [circle(c[0], c[1], 9 * k, K, K, 4), circle(c[0], c[1], 3.5 * k, MGREY, None)]
    return out
