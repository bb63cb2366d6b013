"""Draw the art of Iron and Grain as Chinese-woodcut-style prints.

Run ``python assets/images/make_art.py`` to regenerate every PNG in this folder.
The script uses pygame only, draws off-screen, and is deterministic (fixed seeds).

Each picture is printed like a multi-block woodcut: a few flat "plates"
(one per ink) are carved with gouge strokes, inked with a little wear and wood
grain, printed in order on paper with slight misregistration, and finished
with paper grain and fibres.
"""

import math
import os
import random
import sys
import time
from contextlib import contextmanager

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"

import pygame  # noqa: E402

W, H = 1600, 900
S = 2  # supersampling: plates are carved at twice the size, then reduced
OUT = os.path.dirname(os.path.abspath(__file__))
CLEAR = (0, 0, 0, 0)


def hexc(s):
    return tuple(int(s[i:i + 2], 16) for i in (1, 3, 5))


PAPER = hexc("#EFE6D2")
INK = hexc("#2B2620")
VERMILION = hexc("#B23A2A")
OCHRE = hexc("#C89B3C")
GREEN = hexc("#6F7A4A")


def mix(a, b, t):
    return tuple(int(round(a[i] + (b[i] - a[i]) * t)) for i in range(3))


# ---------------------------------------------------------------- geometry

class Noise1D:
    """Smooth 1-D value noise, for hand-cut edges and ridge lines."""

    def __init__(self, rng, n=512):
        self.v = [rng.uniform(-1.0, 1.0) for _ in range(n)]
        self.n = n

    def __call__(self, x):
        i = math.floor(x)
        f = x - i
        a = self.v[i % self.n]
        b = self.v[(i + 1) % self.n]
        f = f * f * (3 - 2 * f)
        return a + (b - a) * f

    def fbm(self, x, octaves=3):
        total, amp, norm = 0.0, 1.0, 0.0
        for k in range(octaves):
            total += amp * self(x * (2 ** k) + k * 17.31)
            norm += amp
            amp *= 0.5
        return total / norm


def wobble(pts, rng, amp=1.2, step=5.0, closed=True, freq=0.05, chip=0.18):
    """Resample a polygon/polyline and push its edge about like a knife would."""
    noise = Noise1D(rng)
    segs = list(pts) + ([pts[0]] if closed else [])
    out, s = [], 0.0
    for (xa, ya), (xb, yb) in zip(segs, segs[1:]):
        L = math.hypot(xb - xa, yb - ya)
        if L < 1e-6:
            continue
        n = max(1, int(L / step))
        nx, ny = -(yb - ya) / L, (xb - xa) / L
        for i in range(n):
            t = i / n
            d = amp * noise.fbm((s + L * t) * freq) + rng.uniform(-amp, amp) * chip
            out.append((xa + (xb - xa) * t + nx * d, ya + (yb - ya) * t + ny * d))
        s += L
    if not closed:
        out.append(segs[-1])
    return out


def blade_pts(p0, p1, w, rng=None, bend=0.0, taper=(0.3, 0.3), rough=0.15, n=None):
    """Outline of one gouge stroke: a slightly curved, lens-shaped cut."""
    x0, y0 = p0
    x1, y1 = p1
    L = math.hypot(x1 - x0, y1 - y0) or 1e-6
    ux, uy = (x1 - x0) / L, (y1 - y0) / L
    nx, ny = -uy, ux
    cx = (x0 + x1) / 2 + nx * bend * L
    cy = (y0 + y1) / 2 + ny * bend * L
    if n is None:
        n = max(3, min(48, int(L / 5)))
    a, b = taper
    left, right = [], []
    for i in range(n + 1):
        t = i / n
        mt = 1 - t
        px = mt * mt * x0 + 2 * mt * t * cx + t * t * x1
        py = mt * mt * y0 + 2 * mt * t * cy + t * t * y1
        tx = 2 * mt * (cx - x0) + 2 * t * (x1 - cx)
        ty = 2 * mt * (cy - y0) + 2 * t * (y1 - cy)
        tl = math.hypot(tx, ty) or 1e-6
        qx, qy = -ty / tl, tx / tl
        if a > 0 and t < a:
            p = (t / a) ** 0.55
        elif b > 0 and t > 1 - b:
            p = ((1 - t) / b) ** 0.55
        else:
            p = 1.0
        j = rng.uniform(-rough, rough) if rng else 0.0
        hw = 0.5 * w * p * (1 + j)
        left.append((px + qx * hw, py + qy * hw))
        right.append((px - qx * hw, py - qy * hw))
    return left + right[::-1]


def circle_pts(cx, cy, r, n=None, ry=None):
    ry = r if ry is None else ry
    n = n or max(12, int(r * 0.8))
    return [(cx + r * math.cos(2 * math.pi * i / n), cy + ry * math.sin(2 * math.pi * i / n))
            for i in range(n)]


def ridge_line(rng, x0, x1, y, amp, scale=220.0, step=6.0, octaves=4):
    """A horizon or hill line as a list of points from x0 to x1."""
    noise = Noise1D(rng)
    pts = []
    x = x0
    while x <= x1 + step:
        pts.append((x, y + amp * noise.fbm(x / scale, octaves)))
        x += step
    return pts


def y_at(line, x):
    """Height of a polyline (sorted by x) at x."""
    if x <= line[0][0]:
        return line[0][1]
    for (xa, ya), (xb, yb) in zip(line, line[1:]):
        if xa <= x <= xb:
            t = (x - xa) / ((xb - xa) or 1e-6)
            return ya + (yb - ya) * t
    return line[-1][1]


def rot(pts, cx, cy, ang):
    c, s = math.cos(ang), math.sin(ang)
    return [(cx + (x - cx) * c - (y - cy) * s, cy + (x - cx) * s + (y - cy) * c) for x, y in pts]


# ---------------------------------------------------------------- plates

_ORIGIN = [(0.0, 0.0)]


def _tx(pts):
    ox, oy = _ORIGIN[-1]
    return [((x - ox) * S, (y - oy) * S) for x, y in pts]


class Plate:
    """One carved block, printed in one ink."""

    def __init__(self, col, size=(W, H), surf=None):
        self.col = tuple(col) + (255,)
        self.surf = surf or pygame.Surface((size[0] * S, size[1] * S), pygame.SRCALPHA)

    def _c(self, cut):
        return CLEAR if cut else self.col

    def fill(self, pts, cut=False):
        if len(pts) >= 3:
            pygame.draw.polygon(self.surf, self._c(cut), _tx(pts))

    def blade(self, p0, p1, w, rng=None, cut=False, **kw):
        self.fill(blade_pts(p0, p1, w, rng, **kw), cut)

    def disc(self, c, r, cut=False):
        ox, oy = _ORIGIN[-1]
        pygame.draw.circle(self.surf, self._c(cut), ((c[0] - ox) * S, (c[1] - oy) * S), r * S)

    def line(self, pts, w, cut=False):
        pygame.draw.lines(self.surf, self._c(cut), False, _tx(pts), max(1, int(round(w * S))))


@contextmanager
def clipped(plate, mask_pts, solid=False):
    """Carve inside a shape only; with solid=True start from the shape filled with ink."""
    xs = [p[0] for p in mask_pts]
    ys = [p[1] for p in mask_pts]
    x0, y0 = math.floor(min(xs)) - 2, math.floor(min(ys)) - 2
    x1, y1 = math.ceil(max(xs)) + 2, math.ceil(max(ys)) + 2
    size = ((x1 - x0) * S, (y1 - y0) * S)
    tmp = Plate(plate.col[:3], surf=pygame.Surface(size, pygame.SRCALPHA))
    _ORIGIN.append((x0, y0))
    try:
        if solid:
            tmp.fill(mask_pts)
        yield tmp
        mask = pygame.Surface(size, pygame.SRCALPHA)
        mask.fill((255, 255, 255, 0))
        pygame.draw.polygon(mask, (255, 255, 255, 255), _tx(mask_pts))
    finally:
        _ORIGIN.pop()
    tmp.surf.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    ox, oy = _ORIGIN[-1]
    plate.surf.blit(tmp.surf, ((x0 - ox) * S, (y0 - oy) * S))


class Print:
    """A picture: paper plus plates printed in order.

    inks: (name, colour, misregistration offset, wear) with wear = how many times
    the wood-grain/pitting texture is applied to that plate (0 = a clean print).
    """

    def __init__(self, seed, paper, inks):
        self.rng = random.Random(seed)
        self.seed = seed
        self.paper = paper
        self.order = []
        self.plates = {}
        for name, col, off, wear in inks:
            self.plates[name] = Plate(col)
            self.order.append((name, off, wear))

    def __getitem__(self, name):
        return self.plates[name]

    def knock(self, pts, keep=()):
        """Clear a shape out of every plate (except keep): what lies behind it."""
        for name, _off, _wear in self.order:
            if name not in keep:
                self.plates[name].fill(pts, cut=True)

    def render(self, grain=1.0):
        rng = random.Random(self.seed * 7 + 1)
        base = pygame.Surface((W * S, H * S))
        base.fill(self.paper)
        tex = wear_texture(rng)
        for i, (name, off, wear) in enumerate(self.order):
            pl = self.plates[name]
            for k in range(wear):
                j = i * 3 + k
                area = pygame.Rect((37 + 131 * j % 400) * S, (23 + 97 * j % 400) * S, W * S, H * S)
                pl.surf.blit(tex, (0, 0), area, special_flags=pygame.BLEND_RGBA_MULT)
            base.blit(pl.surf, (off[0] * S, off[1] * S))
        img = pygame.transform.smoothscale(base, (W, H))
        paper_grain(img, rng, grain)
        return img


def wear_texture(rng):
    """Where the ink did not quite take: wood-grain streaks and pits (alpha only)."""
    pad = 400
    tw, th = W + pad, H + pad
    tex = pygame.Surface((tw * S, th * S), pygame.SRCALPHA)
    tex.fill((255, 255, 255, 255))
    noise = Noise1D(rng)
    # broad soft bands of grain
    for _ in range(160):
        y = rng.uniform(0, th)
        x = rng.uniform(-300, tw)
        length = rng.uniform(200, 900)
        a = rng.randint(226, 244)
        seed = rng.uniform(0, 400)
        pts = [((x + k * 16) * S, (y + 5.0 * noise(seed + (x + k * 16) / 260.0)) * S)
               for k in range(int(length / 16) + 2)]
        pygame.draw.lines(tex, (255, 255, 255, a), False, pts, rng.randint(4, 10))
    # fine streaks
    for _ in range(520):
        y = rng.uniform(0, th)
        x = rng.uniform(-100, tw)
        length = rng.uniform(40, 420)
        a = rng.randint(140, 215)
        seed = rng.uniform(0, 400)
        pts = [((x + k * 12) * S, (y + 3.0 * noise(seed + (x + k * 12) / 160.0)) * S)
               for k in range(int(length / 12) + 2)]
        pygame.draw.lines(tex, (255, 255, 255, a), False, pts, rng.choice((1, 1, 2, 2, 3)))
    # pits
    for _ in range(2400):
        x, y = rng.uniform(0, tw), rng.uniform(0, th)
        r = rng.uniform(0.4, 1.5)
        a = rng.randint(80, 200)
        pygame.draw.ellipse(tex, (255, 255, 255, a),
                            (x * S, y * S, max(1, r * S * rng.uniform(1, 2.5)), max(1, r * S)))
    return tex


def paper_grain(img, rng, amount=1.0):
    """Paper tone, mottling, fibres and specks over the whole print (1x size)."""
    if amount <= 0:
        return
    # mottling: two octaves of soft blotches
    for (gw, gh, depth) in ((24, 14, 7), (96, 54, 4)):
        lo = pygame.Surface((gw, gh))
        for y in range(gh):
            for x in range(gw):
                v = 255 - int(rng.random() * depth * amount)
                lo.set_at((x, y), (v, v, max(0, v - 1)))
        mid = pygame.transform.smoothscale(lo, (gw * 4, gh * 4))
        mot = pygame.transform.smoothscale(mid, (W, H))
        img.blit(mot, (0, 0), special_flags=pygame.BLEND_RGB_MULT)
    # fibres: short hairs, darker and lighter
    dark = pygame.Surface((W, H))
    dark.fill((255, 255, 255))
    light = pygame.Surface((W, H))
    light.fill((0, 0, 0))
    for _ in range(int(900 * amount)):
        x, y = rng.uniform(0, W), rng.uniform(0, H)
        ang = rng.uniform(0, math.pi)
        L = rng.uniform(4, 16)
        bend = rng.uniform(-0.6, 0.6)
        pts = []
        for k in range(5):
            t = k / 4
            a = ang + bend * t
            pts.append((x + math.cos(a) * L * t, y + math.sin(a) * L * t))
        if rng.random() < 0.55:
            v = 255 - rng.randint(8, 18)
            pygame.draw.lines(dark, (v, v, v), False, pts, 1)
        else:
            v = rng.randint(6, 14)
            pygame.draw.lines(light, (v, v, v - 2), False, pts, 1)
    # specks
    for _ in range(int(2200 * amount)):
        x, y = rng.randrange(W), rng.randrange(H)
        if rng.random() < 0.6:
            v = 255 - rng.randint(10, 30)
            dark.set_at((x, y), (v, v, v))
        else:
            v = rng.randint(8, 18)
            light.set_at((x, y), (v, v, v))
    img.blit(dark, (0, 0), special_flags=pygame.BLEND_RGB_MULT)
    img.blit(light, (0, 0), special_flags=pygame.BLEND_RGB_ADD)


# ---------------------------------------------------------------- motifs

def mod_stroke(pl, path, cut=False, wmin=0.35):
    """Draw a line of varying width, path = [(x, y, w)]; it breaks where w <= wmin,
    and every piece ends in a point, like a gouge entering and leaving the wood."""
    n = len(path)
    i = 0
    while i < n:
        if path[i][2] <= wmin:
            i += 1
            continue
        j = i
        while j < n and path[j][2] > wmin:
            j += 1
        left, right = [], []
        for k in range(i, j):
            x, y, w = path[k]
            a = path[max(0, k - 1)]
            b = path[min(n - 1, k + 1)]
            dx, dy = b[0] - a[0], b[1] - a[1]
            L = math.hypot(dx, dy) or 1.0
            nx, ny = -dy / L, dx / L
            left.append((x + nx * w / 2, y + ny * w / 2))
            right.append((x - nx * w / 2, y - ny * w / 2))
        p0 = path[i - 1] if i > 0 else path[i]
        p1 = path[j] if j < n else path[j - 1]
        tip0 = ((p0[0] + path[i][0]) / 2, (p0[1] + path[i][1]) / 2)
        tip1 = ((p1[0] + path[j - 1][0]) / 2, (p1[1] + path[j - 1][1]) / 2)
        pl.fill([tip0] + left + [tip1] + right[::-1], cut)
        i = j


def sky_lines(pl, rng, y_top, y_bot, gap_bot=6.0, gap_top=26.0, w_bot=3.0, w_top=0.2,
              clouds=(), avoid=(), cut=False, x0=-20, x1=W + 20, step=6.0, jitter=0.5,
              wmin=0.45, sag=1.2):
    """The woodcut sky: horizontal gouge lines whose width carries the tone.

    Heavy and close at y_bot, thin and sparse toward y_top, swelling into cloud banks
    given as (cx, cy, rx, ry, extra width)."""
    noise = Noise1D(rng)
    y = y_bot
    while y > y_top:
        t = (y_bot - y) / max(1.0, y_bot - y_top)
        base = w_bot + (w_top - w_bot) * t ** 0.7
        gap = gap_bot + (gap_top - gap_bot) * t ** 1.2
        seed = rng.uniform(0, 400)
        path = []
        x = x0
        while x <= x1:
            c = 0.0
            for (cx, cy, rx, ry, s) in clouds:
                dx, dy = (x - cx) / rx, (y - cy) / ry
                if dx * dx + dy * dy < 9:
                    c += s * math.exp(-dx * dx - dy * dy)
            w = (base + c) * (1 + jitter * 2.2 * noise.fbm(seed + x / 70.0, 3))
            for (ax, ay, ar) in avoid:
                if (x - ax) ** 2 + (y - ay) ** 2 < ar * ar:
                    w = 0
            path.append((x, y + sag * noise(seed * 1.7 + x / 230.0), w))
            x += step
        mod_stroke(pl, path, cut, wmin)
        y -= gap * rng.uniform(0.8, 1.2)


def sun_rings(pl, rng, cx, cy, r0, n, gap, w, arc=(math.pi, 2 * math.pi)):
    """Concentric, broken cuts round the sun."""
    for k in range(n):
        r = r0 + k * gap
        a = arc[0] + rng.uniform(0, 0.1)
        while a < arc[1]:
            da = rng.uniform(0.25, 0.8) * (90.0 / r)
            b = min(a + da, arc[1])
            steps = max(4, int((b - a) * r / 5))
            path = []
            for i in range(steps + 1):
                aa = a + (b - a) * i / steps
                tt = i / steps
                path.append((cx + r * math.cos(aa), cy + r * math.sin(aa),
                             w * (1 - 0.55 * k / max(1, n)) * math.sin(math.pi * tt) ** 0.5 + 0.01))
            mod_stroke(pl, path, wmin=0.3)
            a = b + rng.uniform(0.05, 0.25) * (90.0 / r) * (1 + 1.5 * k / max(1, n))


def crescent(pl, cx, cy, rx, ry, a0, a1, w, cut=True, n=10):
    """A thin crescent cut along part of an ellipse (a highlight on a leaf cluster)."""
    path = []
    for i in range(n + 1):
        t = i / n
        a = a0 + (a1 - a0) * t
        path.append((cx + rx * math.cos(a), cy + ry * math.sin(a), w * math.sin(math.pi * t) ** 0.7))
    mod_stroke(pl, path, cut, wmin=0.2)


def lobed(rng, cx, cy, rx, ry, lobes=7, depth=0.12, n=28):
    noise = Noise1D(rng, 64)
    ph = rng.uniform(0, 6)
    pts = []
    for i in range(n):
        a = 2 * math.pi * i / n
        r = 1 + depth * (abs(math.sin(a * lobes / 2 + ph)) - 0.5) + 0.08 * noise(i * 0.7)
        pts.append((cx + rx * r * math.cos(a), cy + ry * r * math.sin(a)))
    return pts


class Ground:
    """A flat plain seen in perspective: y = hy + k / Z, x = vx + f * X / Z (metres)."""

    def __init__(self, hy, vx, k, f=1100.0):
        self.hy, self.vx, self.k, self.f = hy, vx, k, f

    def p(self, X, Z):
        return (self.vx + self.f * X / Z, self.hy + self.k / Z)

    def Z(self, y):
        return self.k / max(1e-3, y - self.hy)

    def X(self, x, Z):
        return (x - self.vx) * Z / self.f

    def s(self, Z):
        """Pixels per metre at depth Z."""
        return self.f / Z

    def quad(self, X0, X1, Z0, Z1, step=8.0):
        """Outline of a ground rectangle, resampled so that it can be wobbled."""
        pts = []
        for (xa, za), (xb, zb) in (((X0, Z0), (X1, Z0)), ((X1, Z0), (X1, Z1)),
                                   ((X1, Z1), (X0, Z1)), ((X0, Z1), (X0, Z0))):
            pa, pb = self.p(xa, za), self.p(xb, zb)
            n = max(1, int(math.hypot(pb[0] - pa[0], pb[1] - pa[1]) / step))
            for i in range(n):
                t = i / n
                # interpolate in 1/Z so the points stay on the projected edge
                iz = 1 / za + (1 / zb - 1 / za) * t
                z = 1 / iz
                u = (z - za) / (zb - za) if zb != za else t
                pts.append(self.p(xa + (xb - xa) * u, z))
        return pts


def field_layout(rng, g, z_near, z_far, kinds, width=(18, 60), grow=(1.3, 1.65), margin=80):
    """A patchwork of plots: rows in depth, each cut into fields of random widths."""
    plots = []
    z = z_near
    while z < z_far:
        z2 = z * rng.uniform(*grow)
        xl = g.X(-margin, z)
        xr = g.X(W + margin, z)
        xl2, xr2 = g.X(-margin, z2), g.X(W + margin, z2)
        x = min(xl, xl2) - rng.uniform(0, 20)
        while x < max(xr, xr2):
            fw = rng.uniform(*width) * max(1.0, z / 120.0) ** 0.6
            kind = rng.choices([k for k, _ in kinds], [wt for _, wt in kinds])[0]
            plots.append((x, x + fw, z, z2, kind))
            x += fw
        z = z2
    return plots


def fade_at(z, fade, zref=12.0):
    """Aerial perspective for carved lines: thinner with distance."""
    return min(1.0, (zref / z) ** fade)


def furrows_z(pl, rng, g, X0, X1, Z0, Z1, spacing=0.35, width=0.11, cut=False, breaks=0.15,
              wmin=0.35, min_px=3.2, fade=0.3):
    """Rows running away from the viewer (they converge on the vanishing point)."""
    sp = max(spacing, min_px * Z0 / g.f * (1 + fade * math.log(max(1.0, Z0 / 12.0))))
    noise = Noise1D(rng)
    X = X0 + sp * rng.uniform(0.2, 0.8)
    row = 0
    while X < X1:
        path = []
        n = 18
        seed = rng.uniform(0, 300)
        for i in range(n + 1):
            t = i / n
            z = 1 / (1 / Z0 + (1 / Z1 - 1 / Z0) * t)
            xx = X + 0.04 * noise(seed + t * 6)
            x, y = g.p(xx, z)
            w = width * g.s(z) * (1 + 0.35 * noise.fbm(seed + t * 9)) * fade_at(z, fade)
            if breaks and noise(seed * 2 + t * 11) < -1 + 2 * breaks:
                w = 0
            path.append((x, y, w))
        mod_stroke(pl, path, cut, wmin)
        X += sp
        row += 1


def furrows_x(pl, rng, g, X0, X1, Z0, Z1, spacing=0.45, ratio=0.42, cut=False, breaks=0.1,
              wmin=0.35, min_px=3.4, fade=0.3):
    """Rows running across the view: horizontal lines closing up toward the horizon."""
    noise = Noise1D(rng)
    z = Z0 + spacing * rng.uniform(0.2, 0.8)
    while z < Z1:
        dz = max(spacing, min_px * z * z / g.k * (1 + fade * math.log(max(1.0, z / 12.0))))
        gap_px = g.k / z - g.k / (z + dz)
        path = []
        seed = rng.uniform(0, 300)
        n = max(6, int((g.p(X1, z)[0] - g.p(X0, z)[0]) / 7))
        for i in range(n + 1):
            t = i / n
            X = X0 + (X1 - X0) * t
            x, y = g.p(X, z)
            w = gap_px * ratio * (1 + 0.45 * noise.fbm(seed + t * 14)) * fade_at(z, fade)
            if breaks and noise(seed * 2 + t * 19) < -1 + 2 * breaks:
                w = 0
            path.append((x, y + 0.6 * noise(seed + t * 5), w))
        mod_stroke(pl, path, cut, wmin)
        z += dz


def draw_fields(p, rng, g, plots, styles, bank=0.5, wob=1.0):
    """Print a field layout. styles: kind -> (colour plate or None, hatch, params)."""
    for (X0, X1, Z0, Z1, kind) in plots:
        col, hatch, kw = styles[kind]
        b = bank * (Z0 / 20.0) ** 0.5
        poly = g.quad(X0 + b, X1 - b, Z0 + b * 0.6, Z1 - b * 0.6)
        poly = wobble(poly, rng, wob * min(1.5, 30.0 / Z0 + 0.3), 6)
        if col:
            p[col].fill(poly)
        if hatch:
            with clipped(p["ink"], poly) as c:
                if hatch == "z":
                    furrows_z(c, rng, g, X0, X1, Z0, Z1, **kw)
                elif hatch == "x":
                    furrows_x(c, rng, g, X0, X1, Z0, Z1, **kw)


def leaf_cluster_crown(ink, rng, clusters, light=(-1.0, -0.7), cut_rate=0.85):
    """Foliage as overlapping lobed clusters, each with a cut highlight on its lit side."""
    la = math.atan2(light[1], light[0])
    for (cx, cy, rx, ry, lit) in clusters:
        ink.fill(wobble(lobed(rng, cx, cy, rx, ry, rng.randint(5, 8)), rng, 0.4, 3))
        if rng.random() < cut_rate * (0.35 + 0.65 * lit):
            span = rng.uniform(0.9, 1.6)
            a0 = la - span / 2 + rng.uniform(-0.3, 0.3)
            crescent(ink, cx, cy, rx * 0.72, ry * 0.72, a0, a0 + span,
                     max(1.0, rx * rng.uniform(0.12, 0.2)))
            if rx > 6 and rng.random() < 0.6:
                crescent(ink, cx, cy, rx * 0.42, ry * 0.42, a0 + 0.2, a0 + span - 0.2,
                         max(0.8, rx * 0.1))


def poplar(ink, rng, x, yb, h, w=None, crown=(0.4, 1.0), loudspeaker=None, light=(-1.0, -0.7),
           lean=0.0, leafy=True, cluster=1.0):
    """The tall north-China poplar: a straight pale-barked trunk and a narrow spindle crown."""
    w = w or h * 0.2
    tw = max(2.0, h * 0.034)

    def cx_at(y):
        return x + lean * (yb - y)

    # trunk, tapering, with a little root flare
    left, right = [], []
    n = 24
    for i in range(n + 1):
        t = i / n
        y = yb + 2 - (h * 0.97 + 2) * t
        hw = tw / 2 * (1 - 0.88 * t) + (tw * 0.35 * (1 - t / 0.06) if t < 0.06 else 0)
        left.append((cx_at(y) - hw, y))
        right.append((cx_at(y) + hw, y))
    ink.fill(wobble(left + right[::-1], rng, 0.5, 3))
    # bark: a lit strip cut on the light side, broken by the poplar's dark "eyes"
    yc0 = yb - h * crown[0]
    y = yb - 4
    side = -1 if light[0] < 0 else 1
    while y > yc0 + 10:
        L = rng.uniform(8, 30)
        t = (yb - y) / h
        hw = tw / 2 * (1 - 0.88 * t)
        xx = cx_at(y) + side * hw * 0.45
        ink.blade((xx, y), (cx_at(y - L) + side * hw * 0.45, y - L), max(0.9, hw * 0.38), rng,
                  cut=True, taper=(0.3, 0.3))
        y -= L + rng.uniform(3, 12)
    # a few pruned stubs below the crown
    for i in range(5):
        yy = yb - h * rng.uniform(0.15, crown[0])
        s = rng.choice((-1, 1))
        ink.blade((cx_at(yy), yy), (cx_at(yy) + s * h * 0.02, yy - h * 0.02), tw * 0.25, rng,
                  taper=(0, 0.5))
    # boughs climbing steeply inside the crown
    for i in range(int(10 + h / 35)):
        t = rng.uniform(crown[0] - 0.04, 0.92)
        by = yb - h * t
        bx = cx_at(by)
        s = -1 if i % 2 else 1
        L = h * rng.uniform(0.1, 0.22) * (1.15 - t * 0.7)
        ang = -math.pi / 2 + s * rng.uniform(0.22, 0.5)
        ink.blade((bx, by), (bx + math.cos(ang) * L, by + math.sin(ang) * L),
                  tw * 0.38 * (1.1 - t), rng, taper=(0.0, 0.8), bend=s * 0.05)
    if leafy:
        clusters = []
        ch = h * (crown[1] - crown[0])
        m = int(cluster * (28 + h * 0.16))
        for i in range(m):
            t = rng.random() ** 0.85
            prof = math.sin(math.pi * min(1.0, 0.06 + t * 0.97)) ** 0.75 * (1 - 0.3 * t)
            cy = yb - h * crown[0] - ch * t
            half = w / 2 * prof
            rx = w * rng.uniform(0.1, 0.19) * (0.55 + 0.45 * prof)
            off = rng.uniform(-1, 1)
            cx = cx_at(cy) + off * max(0.0, half - rx * 0.7)
            lit = max(0.0, min(1.0, 0.5 - off * 0.6 * (1 if light[0] > 0 else -1)))
            clusters.append((cx, cy, rx, rx * rng.uniform(0.8, 1.15), lit))
        clusters.sort(key=lambda c: c[1])
        leaf_cluster_crown(ink, rng, clusters, light)
    if loudspeaker:
        ly, d = loudspeaker
        lx = cx_at(ly) + d * tw * 0.2
        s = h / 560.0
        horn = [(lx + d * 2 * s, ly - 3 * s), (lx + d * 2 * s, ly + 3 * s),
                (lx + d * 22 * s, ly + 7 * s), (lx + d * 30 * s, ly + 13 * s),
                (lx + d * 33 * s, ly + 3 * s), (lx + d * 30 * s, ly - 9 * s),
                (lx + d * 22 * s, ly - 4 * s)]
        ink.fill(wobble(horn, rng, 0.3, 2))
        ink.fill(circle_pts(lx + d * 31.5 * s, ly + 2 * s, 2.4 * s, 10, 10 * s), cut=True)
        for k in (-5, 5):  # lashings
            ink.blade((lx - d * 3 * s, ly + k * s), (lx + d * 6 * s, ly + k * s), 1.6 * s, None,
                      taper=(0, 0))
    return (cx_at(yb - h), yb - h)


def round_tree(ink, rng, x, yb, h, w, light=(-1.0, -0.7), n=None, trunk=0.5):
    """A willow, elm or jujube: a short trunk under a broad lobed crown."""
    tw = max(2.0, w * 0.08)
    top = (x + rng.uniform(-0.05, 0.05) * w, yb - h * trunk)
    ink.fill(wobble(blade_pts((x, yb + 2), top, tw, None, taper=(0.0, 0.3), rough=0.0, n=8),
                    rng, 0.4, 3))
    for s in (-1, 1):
        ink.blade(top, (top[0] + s * w * 0.28, top[1] - h * 0.25), tw * 0.5, rng, taper=(0, 0.7))
    n = n or int(10 + w * 0.22)
    clusters = []
    cy0 = yb - h * 0.64
    for i in range(n):
        a = rng.uniform(0, 2 * math.pi)
        rr = math.sqrt(rng.random())
        cx = x + math.cos(a) * rr * w * 0.36
        cy = cy0 + math.sin(a) * rr * h * 0.24
        r = w * rng.uniform(0.1, 0.17)
        lit = max(0.0, min(1.0, 0.5 - 0.5 * (math.cos(a) * light[0] + math.sin(a) * light[1]) * -rr))
        clusters.append((cx, cy, r, r * rng.uniform(0.75, 0.95), lit))
    clusters.sort(key=lambda c: c[1])
    leaf_cluster_crown(ink, rng, clusters, light)


def distant_trees(ink, rng, line, x0, x1, hmin=6, hmax=18, gaps=0.35, poplars=0.25, dense=1.0):
    """A far belt of trees (a village on the plain is an island of trees)."""
    x = x0
    while x < x1:
        gy = y_at(line, x)
        if rng.random() < poplars:
            h = rng.uniform(hmax * 1.0, hmax * 1.9)
            w = h * rng.uniform(0.15, 0.22)
            pts = []
            for i in range(11):
                t = i / 10
                pts.append((x - w / 2 * math.sin(math.pi * (0.08 + 0.9 * t)) ** 0.8, gy - h * t))
            for i in range(10, -1, -1):
                t = i / 10
                pts.append((x + w / 2 * math.sin(math.pi * (0.08 + 0.9 * t)) ** 0.8, gy - h * t))
            ink.fill(wobble(pts, rng, 0.5, 2))
            ink.blade((x, gy + 1), (x, gy - h * 0.2), max(1.0, w * 0.15), None, taper=(0, 0))
            x += w * rng.uniform(0.6, 2.0)
        else:
            h = rng.uniform(hmin, hmax)
            w = h * rng.uniform(1.1, 2.0)
            pts = [(x, gy + 1)]
            for i in range(13):
                t = i / 12
                bump = 1 + 0.14 * math.sin(t * math.pi * rng.uniform(2, 4))
                pts.append((x + w * t, gy - h * math.sin(math.pi * t) ** 0.55 * bump))
            pts.append((x + w, gy + 1))
            ink.fill(wobble(pts, rng, 0.5, 2))
            x += w * rng.uniform(0.5, 0.9) / dense
        if rng.random() < gaps:
            x += rng.uniform(10, 90)


def house(p, rng, x, yb, w, h, roof_h, depth=None, gable="right", wall="ochre", thatch=False,
          door=True, windows=True, shade=True, snow=None, knock=True):
    """A mud-brick house in three-quarter view: front wall, gable end and a tiled roof."""
    ink = p["ink"]
    d = depth if depth is not None else w * 0.3
    dd = d * 0.1
    sgn = 1 if gable == "right" else -1
    ex = x + w if sgn > 0 else x
    eave = yb - h
    front = [(x, yb), (x + w, yb), (x + w, eave), (x, eave)]
    gpts = [(ex, yb), (ex + sgn * d, yb - dd), (ex + sgn * d, eave - dd),
            (ex + sgn * d / 2, eave - dd / 2 - roof_h), (ex, eave)]
    o = w * 0.05
    rl = x - o * (1 if sgn > 0 else 0.2)
    rr = x + w + o * (0.2 if sgn > 0 else 1)
    rdx = sgn * d / 2
    ry = eave - dd / 2 - roof_h
    roof = wobble([(rl, eave + 1.5), (rr, eave + 1.5), (rr + rdx, ry), (rl + rdx, ry)], rng, 0.5, 4)
    sil = [(x, yb), (x + w, yb)] if sgn > 0 else [(x - d, yb - dd), (x, yb), (x + w, yb)]
    if knock:
        p.knock(front)
        p.knock(gpts)
        p.knock(roof)
    if wall:
        p[wall].fill(wobble(front, rng, 0.5, 4))
        p[wall].fill(wobble(gpts, rng, 0.5, 4))
    # shaded gable end: close vertical hatching
    if shade:
        with clipped(ink, gpts) as c:
            xx = min(ex, ex + sgn * d) + rng.uniform(0, 2)
            while xx < max(ex, ex + sgn * d) + 1:
                c.blade((xx, yb + 2), (xx + rng.uniform(-0.6, 0.6), eave - roof_h - 2),
                        max(0.8, min(2.6, d * 0.09)), rng, taper=(0.0, 0.15))
                xx += max(2.2, min(4.2, d * 0.16))
    # mud courses on the front
    for k in range(int(h / 6.5)):
        yy = yb - 3 - k * 6.5 + rng.uniform(-1, 1)
        if rng.random() < 0.45:
            xa = x + rng.uniform(0, w * 0.7)
            ink.blade((xa, yy), (min(x + w - 2, xa + rng.uniform(6, w * 0.35)), yy),
                      rng.uniform(0.8, 1.3), rng, taper=(0.3, 0.3))
    # roof: solid ink with tile channels (or thatch) cut into it
    with clipped(ink, roof, solid=True) as c:
        if thatch:
            for i in range(int(w * roof_h / 40)):
                t = rng.random()
                u = rng.random()
                xa = rl + (rr - rl) * t + rdx * u
                ya = eave + 1.5 - (roof_h + dd / 2) * u
                c.blade((xa, ya), (xa + rdx * 0.15 + rng.uniform(-1, 1), ya - rng.uniform(4, 9)),
                        rng.uniform(0.9, 1.5), rng, cut=True)
        else:
            step = max(2.6, min(5.0, w / 14))
            xa = rl + rng.uniform(1, step)
            while xa < rr - 1:
                c.blade((xa, eave + 2), (xa + rdx, ry), rng.uniform(0.8, 1.2) * step * 0.32, rng,
                        cut=True, taper=(0.05, 0.6))
                xa += step
        if snow:
            c.fill(wobble([(rl + rdx * 0.1, eave + 0.5 - roof_h * 0.1),
                           (rr + rdx * 0.1, eave + 0.5 - roof_h * 0.1), (rr + rdx, ry),
                           (rl + rdx, ry)], rng, 1.2, 4), cut=True)
    # ridge with upturned ends, and the eave's shadow
    rw = max(2.0, h * 0.11)
    ink.blade((rl + rdx - rw, ry - rw * 0.9), (rr + rdx + rw, ry - rw * 0.9), rw * 1.6, rng,
              taper=(0.08, 0.08), bend=0.015)
    ink.blade((rl, eave + 1.5), (rr, eave + 1.5), max(1.6, h * 0.07), rng, taper=(0.02, 0.02))
    if door:
        dw, dh = w * 0.15, h * 0.68
        dx0 = x + w * (0.43 + rng.uniform(-0.06, 0.06))
        ink.fill(wobble([(dx0, yb + 1), (dx0 + dw, yb + 1), (dx0 + dw, yb - dh), (dx0, yb - dh)],
                        rng, 0.3, 3))
        if dw > 6:
            ink.blade((dx0 + dw / 2, yb - 2), (dx0 + dw / 2, yb - dh + 2), 0.8, None, cut=True,
                      taper=(0, 0))
    if windows and w > 46:
        for wx in (x + w * 0.12, x + w * 0.72):
            ww = w * 0.14
            wy = eave + h * 0.22
            ink.fill([(wx, wy), (wx + ww, wy), (wx + ww, wy + ww * 0.75), (wx, wy + ww * 0.75)])
            for j in (1, 2):
                ink.blade((wx + ww * j / 3, wy + 1), (wx + ww * j / 3, wy + ww * 0.75 - 1), 0.8,
                          None, cut=True, taper=(0, 0))
    return (rr + rdx, ry)


def figure(ink, rng, x, yb, h, pose="stand", facing=1):
    """A small silhouette without a face. pose: stand, walk, carry, hoe, squat, bundle."""
    f = facing
    r = h * 0.085
    if pose == "squat":
        # an old man squatting on his heels, forearms on knees
        pts = [(x - f * h * 0.16, yb), (x + f * h * 0.2, yb), (x + f * h * 0.22, yb - h * 0.06),
               (x + f * h * 0.12, yb - h * 0.08), (x + f * h * 0.2, yb - h * 0.3),
               (x + f * h * 0.26, yb - h * 0.33), (x + f * h * 0.27, yb - h * 0.38),
               (x + f * h * 0.16, yb - h * 0.38), (x + f * h * 0.12, yb - h * 0.52),
               (x + f * h * 0.02, yb - h * 0.6), (x - f * h * 0.1, yb - h * 0.56),
               (x - f * h * 0.19, yb - h * 0.36), (x - f * h * 0.2, yb - h * 0.14)]
        ink.fill(pts)
        ink.fill(circle_pts(x + f * h * 0.1, yb - h * 0.68, r * 1.1, 14))
        return
    lean = {"stand": 0.0, "walk": 0.06, "carry": 0.1, "hoe": 0.5, "bundle": 0.28}.get(pose, 0)
    hip = (x, yb - h * 0.48)
    sh_y = yb - h * 0.8
    upper = [circle_pts(x + f * h * 0.015, sh_y - r * 1.2, r, 14),
             [(x - h * 0.1, sh_y), (x + h * 0.1, sh_y), (x + h * 0.115, hip[1] + h * 0.06),
              (x - h * 0.115, hip[1] + h * 0.06)]]
    if pose == "hoe":
        upper.append(blade_pts((x + f * h * 0.02, sh_y + h * 0.03),
                               (x + f * h * 0.2, sh_y + h * 0.25), h * 0.07, None,
                               taper=(0, 0.2), rough=0))
    elif pose == "carry":
        upper.append(blade_pts((x + f * h * 0.05, sh_y + h * 0.03),
                               (x + f * h * 0.22, sh_y - h * 0.02), h * 0.06, None,
                               taper=(0, 0.2), rough=0))
    elif pose == "bundle":
        upper.append(lobed(rng, x - f * h * 0.15, sh_y + h * 0.02, h * 0.15, h * 0.13, 5, 0.15))
        upper.append(blade_pts((x + f * h * 0.06, sh_y + h * 0.03),
                               (x + f * h * 0.14, hip[1]), h * 0.06, None, taper=(0, 0.2), rough=0))
    else:
        sw = 0.1 if pose == "walk" else 0.03
        for s in (-1, 1):
            upper.append(blade_pts((x + s * h * 0.075, sh_y + h * 0.03),
                                   (x + s * h * 0.06 + f * s * h * sw, hip[1] + h * 0.03), h * 0.065,
                                   None, taper=(0, 0.3), rough=0))
    upper = [rot(pp, hip[0], hip[1], f * lean) for pp in upper]
    for pp in upper:
        ink.fill(pp)
    spread = {"stand": 0.05, "walk": 0.17, "carry": 0.15, "hoe": 0.14, "bundle": 0.14}.get(pose)
    ph = rng.uniform(0.3, 1.0) * rng.choice((-1, 1)) if pose in ("walk", "carry", "bundle") else 1
    for s in (-1, 1):
        fx = x + s * h * spread * (ph if s > 0 else 1)
        ink.fill(blade_pts((x + s * h * 0.055, hip[1]), (fx, yb), h * 0.1, None, taper=(0, 0.12),
                           rough=0))
    if pose == "hoe":
        hx, hy = rot([(x + f * h * 0.2, sh_y + h * 0.25)], hip[0], hip[1], f * lean)[0]
        tip = (hx + f * h * 0.34, yb - h * 0.02)
        ink.blade((hx - f * h * 0.22, hy - h * 0.17), tip, h * 0.035, None, taper=(0, 0), rough=0)
        ink.blade(tip, (tip[0] - f * h * 0.1, tip[1] + h * 0.02), h * 0.07, None, taper=(0, 0.3),
                  rough=0)
    if pose == "carry":
        sx, sy = rot([(x, sh_y)], hip[0], hip[1], f * lean)[0]
        pl = h * 0.55
        a = (sx - pl, sy + h * 0.05)
        b = (sx + pl, sy - h * 0.02)
        ink.blade(a, b, h * 0.032, None, taper=(0, 0), rough=0, bend=0.05)
        for (px, py) in (a, b):
            by = yb - h * 0.24
            for s in (-1, 1):
                ink.blade((px, py), (px + s * h * 0.09, by), h * 0.014, None, taper=(0, 0), rough=0)
            ink.fill([(px - h * 0.13, by), (px + h * 0.13, by), (px + h * 0.09, by + h * 0.19),
                      (px - h * 0.09, by + h * 0.19)])


def wheat_tufts(ink, rng, x0, x1, yb, n, hmin, hmax, cut=False, ears=0.6, lean=0.0):
    """Foreground wheat: clumps of curving leaves and a few ears."""
    for i in range(n):
        x = rng.uniform(x0, x1)
        hh = rng.uniform(hmin, hmax)
        for j in range(rng.randint(3, 6)):
            a = -math.pi / 2 + lean + rng.uniform(-0.45, 0.45)
            L = hh * rng.uniform(0.5, 1.0)
            ink.blade((x, yb), (x + math.cos(a) * L, yb + math.sin(a) * L),
                      rng.uniform(1.8, 3.2) * hh / 40, rng, cut=cut, taper=(0.0, 0.8),
                      bend=rng.uniform(-0.12, 0.12))
        if rng.random() < ears:
            a = -math.pi / 2 + lean + rng.uniform(-0.2, 0.2)
            L = hh * rng.uniform(1.0, 1.25)
            tip = (x + math.cos(a) * L, yb + math.sin(a) * L)
            ink.blade((x, yb), tip, 1.2 * hh / 40, None, cut=cut, taper=(0, 0))
            ear0 = tip
            ear1 = (tip[0] + math.cos(a) * hh * 0.22, tip[1] + math.sin(a) * hh * 0.22)
            ink.blade(ear0, ear1, 3.2 * hh / 40, rng, cut=cut, taper=(0.3, 0.5))


# ---------------------------------------------------------------- pictures

def draw_title():
    """Yangshuwan at dawn: the plain, the village in its trees, the poplar and loudspeaker."""
    p = Print(1958, PAPER, [("ochre", OCHRE, (2, 1), 2), ("red", VERMILION, (-1, 2), 1),
                            ("green", GREEN, (1, -1), 2), ("ink", INK, (0, 0), 1)])
    rng = p.rng
    ink, och, red, grn = p["ink"], p["ochre"], p["red"], p["green"]
    hy = 598
    g = Ground(hy, 760, 5200)
    sun = (1035, hy - 14, 40)
    horizon = ridge_line(rng, -20, W + 20, hy, 1.5, 300)
    # sky: an ochre dawn glow under the ink lines
    sky_lines(och, rng, 360, hy + 4, gap_bot=6, gap_top=14, w_bot=6.5, w_top=0.5, jitter=0.35,
              clouds=[(sun[0], hy - 40, 420, 70, 2.5)], avoid=[(sun[0], sun[1], sun[2] + 9)])
    sun_rings(och, rng, sun[0], sun[1], sun[2] + 20, 3, 14, 3.4)
    sky_lines(ink, rng, 250, hy - 8, gap_bot=7, gap_top=22, w_bot=2.6, w_top=0.1, jitter=0.55,
              clouds=[(330, 440, 380, 22, 2.4), (520, 500, 300, 14, 1.8), (1400, 470, 260, 18, 2.0),
                      (900, 405, 240, 12, 1.4), (140, 540, 200, 12, 1.2)],
              avoid=[(sun[0], sun[1], sun[2] + 76)])
    red.disc(sun[:2], sun[2])
    # the plain: a patchwork of wheat and ploughed strips
    plots = field_layout(rng, g, 11, 4000, [("wheat", 6), ("plough", 2), ("young", 2)])
    p.knock([(-20, hy + 1), (W + 20, hy + 1), (W + 20, H + 20), (-20, H + 20)])
    styles = {"wheat": ("green", "z", dict(spacing=0.32, width=0.09, breaks=0.12)),
              "young": ("green", "x", dict(spacing=0.5, ratio=0.3, breaks=0.3)),
              "plough": ("ochre", "x", dict(spacing=0.4, ratio=0.45))}
    draw_fields(p, rng, g, plots, styles, bank=0.45)
    # the road to the village, a pale earth track
    road = []
    zs = [11 * 1.08 ** i for i in range(40) if 11 * 1.08 ** i < 150]
    left = [g.p(-1.5 + 6 * math.sin(z / 30.0) - 0.12 * z, z) for z in zs]
    right = [g.p(1.5 + 6 * math.sin(z / 30.0) - 0.12 * z, z) for z in zs]
    road = wobble(left + right[::-1], rng, 0.8, 5)
    p.knock(road)
    for k in range(len(zs) - 1):
        if rng.random() < 0.7:
            a, b = right[k], right[k + 1]
            ink.blade(a, b, 2.4 * 11 / zs[k] + 0.5, rng, taper=(0.2, 0.2))
    # distant villages on the horizon and the home village in its trees
    distant_trees(ink, rng, horizon, -10, W + 10, 4, 12, gaps=0.6, poplars=0.2)
    vz = 95
    vy = g.p(0, vz)[1]
    vline = [(-20, vy - 1), (W + 20, vy - 1)]
    for (tx, th, tw) in ((90, 70, 80), (170, 96, 90), (260, 80, 110), (380, 104, 90),
                         (470, 74, 100), (560, 98, 84), (660, 70, 96), (740, 60, 70)):
        round_tree(ink, rng, tx, vy + 2, th, tw, n=18)
    for (tx, th) in ((130, 190), (230, 160), (420, 210), (520, 150), (610, 180)):
        poplar(ink, rng, tx, vy + 2, th, th * 0.2, crown=(0.3, 1.0), cluster=0.8)
    for i, (hx, hw, hh) in enumerate(((40, 70, 26), (150, 84, 30), (270, 66, 24), (350, 92, 32),
                                      (480, 76, 28), (590, 88, 30), (690, 60, 24))):
        house(p, rng, hx, vy + 6 + (i % 2) * 5, hw, hh, hh * 0.55,
              gable="left" if hx > 500 else "right", thatch=(i % 3 == 2), windows=hw > 70)
    # low mud wall along the village edge
    wall = wobble([(0, vy + 16), (780, vy + 16), (780, vy + 9), (0, vy + 9)], rng, 0.6, 4)
    p.knock(wall)
    och.fill(wall)
    ink.blade((0, vy + 9), (780, vy + 9), 2.2, rng, taper=(0, 0.05))
    # threshing floor and the big poplar with its loudspeaker
    tz = 48
    tx, ty = 1320, g.p(0, tz)[1]
    tf = wobble(circle_pts(tx - 60, ty + 8, 190, 70, 22), rng, 1.0, 5)
    p.knock(tf)
    with clipped(ink, tf) as c:
        sky_lines(c, rng, ty - 20, ty + 34, gap_bot=5, gap_top=7, w_bot=1.2, w_top=0.4,
                  x0=tx - 260, x1=tx + 140, wmin=0.5)
    rick = wobble([(1140, ty + 12), (1146, ty - 14), (1160, ty - 26), (1182, ty - 28),
                   (1202, ty - 16), (1210, ty + 12)], rng, 0.8, 3)
    p.knock(rick)
    och.fill(rick)
    with clipped(ink, rick) as c:
        for i in range(16):
            xx = 1134 + i * 5
            c.blade((xx, ty + 14), (xx + 7, ty - 32), 1.7, rng)
    ink.fill(wobble(circle_pts(1240, ty + 8, 9, 14, 7), rng, 0.3, 2))
    ink.fill(wobble([(1240, ty + 1), (1262, ty + 1), (1262, ty + 15), (1240, ty + 15)], rng, 0.3, 2))
    poplar(ink, rng, 1350, ty + 10, 520, 118, crown=(0.42, 1.0), loudspeaker=(ty - 190, -1))
    # the wire from the loudspeaker to a pole at the village edge
    wire = []
    for k in range(41):
        t = k / 40
        wire.append((1340 - (1340 - 800) * t, ty - 192 + (vy - 60 - ty + 192) * t
                     + 46 * math.sin(math.pi * t)))
    ink.line(wire, 0.8)
    ink.blade((800, vy + 8), (801, vy - 62), 2.4, rng, taper=(0, 0))
    # foreground wheat
    wheat_tufts(ink, rng, -20, W + 20, H + 4, 130, 26, 64)
    return p.render()


PICTURES = [
    ("title.png", draw_title),
]


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    pygame.init()
    t0 = time.time()
    for name, fn in PICTURES:
        if argv and name not in argv and name[:-4] not in argv:
            continue
        t = time.time()
        img = fn()
        path = os.path.join(OUT, name)
        pygame.image.save(img, path)
        print(f"{name:18s} {os.path.getsize(path) / 1024:6.0f} KB  {time.time() - t:5.1f} s")
    print(f"total {time.time() - t0:.1f} s")
    pygame.quit()


if __name__ == "__main__":
    main()
