"""Draw the art of Iron and Grain as Chinese-woodcut-style prints.

Run ``python assets/images/make_art.py`` to regenerate every PNG in this folder.
The script uses pygame only, draws off-screen, and is deterministic (fixed seeds).

Each picture is printed like a multi-block woodcut: a few flat "plates"
(one per ink) are carved with gouge strokes, inked with a little wear and wood
grain, printed in order on paper with slight misregistration, and finished
with paper grain and fibres.
"""

import itertools
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
    for (xa, ya), (xb, yb) in itertools.pairwise(segs):
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
    for (xa, ya), (xb, yb) in itertools.pairwise(line):
        if xa <= x <= xb:
            t = (x - xa) / ((xb - xa) or 1e-6)
            return ya + (yb - ya) * t
    return line[-1][1]


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
        pygame.draw.lines(self.surf, self._c(cut), False, _tx(pts), max(1, round(w * S)))


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
    the wood-grain/pitting texture is applied to that plate (0 = a clean print;
    negative = a quieter texture, mostly pits, for the key block).
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
        quiet = wear_texture(rng, streaks=0.06)
        for i, (name, off, wear) in enumerate(self.order):
            pl = self.plates[name]
            for k in range(abs(wear)):
                j = i * 3 + k
                area = pygame.Rect((37 + 131 * j % 400) * S, (23 + 97 * j % 400) * S, W * S, H * S)
                pl.surf.blit(tex if wear > 0 else quiet, (0, 0), area,
                             special_flags=pygame.BLEND_RGBA_MULT)
            base.blit(pl.surf, (off[0] * S, off[1] * S))
        img = pygame.transform.smoothscale(base, (W, H))
        paper_grain(img, rng, grain)
        return img


def wear_texture(rng, streaks=1.0):
    """Where the ink did not quite take: wood-grain streaks and pits (alpha only)."""
    pad = 400
    tw, th = W + pad, H + pad
    tex = pygame.Surface((tw * S, th * S), pygame.SRCALPHA)
    tex.fill((255, 255, 255, 255))
    noise = Noise1D(rng)
    # broad soft bands of grain
    for _ in range(int(160 * streaks)):
        y = rng.uniform(0, th)
        x = rng.uniform(-300, tw)
        length = rng.uniform(200, 900)
        a = rng.randint(226, 244)
        seed = rng.uniform(0, 400)
        pts = [((x + k * 16) * S, (y + 5.0 * noise(seed + (x + k * 16) / 260.0)) * S)
               for k in range(int(length / 16) + 2)]
        pygame.draw.lines(tex, (255, 255, 255, a), False, pts, rng.randint(4, 10))
    # fine streaks
    for _ in range(int(520 * streaks)):
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
    xm = abs((X0 + X1) / 2) + 1e-3
    sin_t = math.sin(math.atan2(g.k, g.f * xm))
    sp = max(spacing, min_px * Z0 / g.f * (1 + fade * math.log(max(1.0, Z0 / 12.0))) / sin_t)
    width *= sin_t ** 0.5
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


def bank_cut(p, rng, g, pts_world, width, plates=None, breaks=0.3):
    """A field bank or path: a broken pale line cut through the plates along the ground."""
    noise = Noise1D(rng)
    seed = rng.uniform(0, 300)
    path = []
    for i, (X, Z) in enumerate(pts_world):
        x, y = g.p(X, Z)
        w = width * (12.0 / Z) ** 0.6 * (1 + 0.5 * noise.fbm(seed + i * 0.35))
        if noise(seed * 3 + i * 0.17) < -1 + 2 * breaks:
            w = 0
        path.append((x, y, w))
    for name, _o, _w in p.order:
        if plates is None or name in plates:
            mod_stroke(p[name], path, cut=True, wmin=0.5)


def row_tufts(pl, rng, g, X0, X1, Z0, Z1, spacing=0.3, height=0.16, step=0.22, min_px=5.0):
    """Young wheat plants standing along the rows in the near ground."""
    X = X0 + spacing * 0.5
    while X < X1:
        z = Z0
        while z < Z1:
            s_ = g.s(z)
            L = height * s_
            if L < min_px:
                break
            x, y = g.p(X + rng.uniform(-0.03, 0.03), z)
            for k in range(rng.randint(2, 4)):
                a = -math.pi / 2 + rng.uniform(-0.75, 0.75)
                ll = L * rng.uniform(0.5, 1.0)
                pl.blade((x, y), (x + math.cos(a) * ll, y + math.sin(a) * ll),
                         max(0.8, ll * 0.13), rng, taper=(0.0, 0.85), bend=rng.uniform(-0.2, 0.2))
            z += step * rng.uniform(0.7, 1.3) * (1 + (z - Z0) * 0.08)
        X += spacing


def draw_fields(p, rng, g, plots, styles, bank=4.0, wob=1.0):
    """Print a field layout. styles: kind -> (colour plate or None, hatch, params)."""
    for (X0, X1, Z0, Z1, kind) in plots:
        col, hatch, kw = styles[kind]
        poly = g.quad(X0, X1, Z0, Z1)
        poly = wobble(poly, rng, wob * min(1.5, 30.0 / Z0 + 0.3), 6)
        if col:
            p[col].fill(poly)
        if hatch:
            with clipped(p["ink"], poly) as c:
                if hatch == "z":
                    furrows_z(c, rng, g, X0, X1, Z0, Z1, **kw)
                elif hatch == "x":
                    furrows_x(c, rng, g, X0, X1, Z0, Z1, **kw)
    if bank > 0:
        for (X0, X1, Z0, Z1, kind) in plots:
            n = 24
            near = [(X0 + (X1 - X0) * i / n, Z0) for i in range(n + 1)]
            side = [(X0, 1 / (1 / Z0 + (1 / Z1 - 1 / Z0) * i / n)) for i in range(n + 1)]
            bank_cut(p, rng, g, near, bank, breaks=0.25)
            bank_cut(p, rng, g, side, bank * 0.8, breaks=0.35)


def foliage(ink, rng, masses, light=(-1.0, -0.7), leaf=8.0, edge=1.0, cuts=1.0):
    """Leaf masses: all are filled with serrated, leafy edges; then each gets leaf-shaped
    cuts along its lit side, which separates it from the shadowed mass above it.
    masses: (cx, cy, rx, ry)."""
    la = math.atan2(light[1], light[0])
    for (cx, cy, rx, ry) in masses:
        ink.fill(wobble(lobed(rng, cx, cy, rx * 0.9, ry * 0.9, rng.randint(6, 10), 0.22, 36),
                        rng, 0.5, 3))
        for i in range(int((rx + ry) * 0.45 * edge)):
            a = rng.uniform(0, 2 * math.pi)
            ex, ey = cx + rx * 0.8 * math.cos(a), cy + ry * 0.8 * math.sin(a)
            ang = math.atan2(math.sin(a) - 0.9, math.cos(a)) + rng.uniform(-0.3, 0.3)
            L = leaf * rng.uniform(0.6, 1.15)
            ink.blade((ex, ey), (ex + math.cos(ang) * L, ey + math.sin(ang) * L), L * 0.36, rng,
                      taper=(0.25, 0.6))
    for (cx, cy, rx, ry) in masses:
        m = int(rx * ry / (leaf * leaf) * 2.2 * cuts)
        for j in range(m):
            a = la + rng.gauss(0, 0.75)
            rr = rng.uniform(0.35, 1.0) ** 0.5
            px, py = cx + rx * rr * 0.82 * math.cos(a), cy + ry * rr * 0.82 * math.sin(a)
            L = leaf * rng.uniform(0.45, 0.95) * (0.5 + 0.5 * rr)
            ang = math.atan2(-1.0, math.cos(a) * 0.9) + rng.uniform(-0.35, 0.35)
            ink.blade((px, py), (px + math.cos(ang) * L, py + math.sin(ang) * L),
                      L * rng.uniform(0.24, 0.38), rng, cut=True, taper=(0.45, 0.45))


def poplar_silhouette(ink, rng, x, yb, h, w, cuts=True):
    """A small far poplar: a flame-shaped mass on a short trunk."""
    pts = []
    for i in range(13):
        t = i / 12
        pts.append((x - w / 2 * math.sin(math.pi * (0.06 + 0.92 * t)) ** 0.8 * (1 - 0.25 * t),
                    yb - h * 0.12 - h * 0.88 * t))
    for i in range(12, -1, -1):
        t = i / 12
        pts.append((x + w / 2 * math.sin(math.pi * (0.06 + 0.92 * t)) ** 0.8 * (1 - 0.25 * t),
                    yb - h * 0.12 - h * 0.88 * t))
    ink.fill(wobble(pts, rng, max(0.4, w * 0.04), 2))
    ink.blade((x, yb + 1), (x, yb - h * 0.3), max(1.0, w * 0.14), None, taper=(0, 0))
    if cuts and w > 10:
        for i in range(int(h / 7)):
            t = rng.uniform(0.2, 0.85)
            yy = yb - h * 0.12 - h * 0.88 * t
            half = w / 2 * math.sin(math.pi * (0.06 + 0.92 * t)) ** 0.8 * (1 - 0.25 * t)
            xx = x - half * rng.uniform(0.2, 0.75)
            L = w * rng.uniform(0.15, 0.3)
            ink.blade((xx, yy), (xx - L * 0.3, yy - L), L * 0.35, rng, cut=True, taper=(0.45, 0.45))


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
        ink.blade((xx, y), (cx_at(y - L) + side * hw * 0.45, y - L), max(0.8, hw * 0.26), rng,
                  cut=True, taper=(0.3, 0.3), rough=0.05)
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
        ch = h * (crown[1] - crown[0])
        masses = []
        m = max(5, int(cluster * (5 + h / 55)))
        for i in range(m):
            t = (i + rng.uniform(0.0, 0.6)) / m
            prof = math.sin(math.pi * min(1.0, 0.12 + t * 0.8)) ** 0.45 * (1 - 0.2 * t)
            cy = yb - h * crown[0] - ch * t
            rx = w * 0.5 * prof * rng.uniform(0.55, 0.8)
            ry = max(rx * 0.9, ch / m * rng.uniform(0.8, 1.15))
            alt = 0.3 if w > 60 else 0.12
            off = (rng.uniform(-1, 1) * 0.35 + (alt if i % 2 else -alt)) * w * 0.5 * prof * 0.6
            masses.append((cx_at(cy) + off, cy, rx, ry))
        masses.append((cx_at(yb - h * 0.98) + rng.uniform(-0.05, 0.05) * w, yb - h * 0.96,
                       w * 0.2, h * 0.05))
        foliage(ink, rng, masses, light, leaf=max(3.0, w * 0.075))
    if loudspeaker:
        ly, d = loudspeaker
        lx = cx_at(ly) + d * tw * 0.2
        s = h / 340.0
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
    n = n or int(3 + w / 30)
    masses = []
    cy0 = yb - h * 0.66
    for i in range(n):
        a = rng.uniform(0, 2 * math.pi)
        rr = math.sqrt(rng.random()) * (0.6 if i else 0.0)
        r = w * rng.uniform(0.2, 0.32)
        masses.append((x + math.cos(a) * rr * w * 0.3, cy0 + math.sin(a) * rr * h * 0.2, r,
                       r * rng.uniform(0.7, 0.9)))
    masses.sort(key=lambda m: -m[1])
    foliage(ink, rng, masses, light, leaf=max(3.0, w * 0.06))


def distant_trees(ink, rng, line, x0, x1, hmin=6, hmax=18, gaps=0.35, poplars=0.25, dense=1.0):
    """A far belt of trees (a village on the plain is an island of trees)."""
    x = x0
    while x < x1:
        gy = y_at(line, x)
        if rng.random() < poplars:
            h = rng.uniform(hmax * 1.0, hmax * 1.9)
            w = h * rng.uniform(0.15, 0.22)
            poplar_silhouette(ink, rng, x, gy, h, w, cuts=False)
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
          door=True, windows=True, shade=True, snow=None, knock=True, shade_plate="ink"):
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
    if knock:
        p.knock(front)
        p.knock(gpts)
        p.knock(roof)
    if wall:
        p[wall].fill(wobble(front, rng, 0.5, 4))
        p[wall].fill(wobble(gpts, rng, 0.5, 4))
    # shaded gable end: close vertical hatching
    if shade:
        with clipped(p[shade_plate], gpts) as c:
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
            # snow lies on the slope; its lower edge is soft and uneven, tiles show under it
            edge = []
            n = max(6, int((rr - rl) / 6))
            for i in range(n + 1):
                t = i / n
                u = snow * (0.75 + 0.25 * math.sin(t * 17.0 + rng.uniform(0, 0.6)))
                edge.append((rl + (rr - rl) * t + rdx * (1 - u), ry + (roof_h + dd / 2) * u))
            c.fill(wobble(edge + [(rr + rdx + 4, ry - 4), (rl + rdx - 4, ry - 4)], rng, 0.8, 3),
                   cut=True)
    # ridge with upturned ends, and the eave's shadow
    rw = max(2.0, h * 0.11)
    if snow:
        ink.blade((rl + rdx - 2, ry), (rr + rdx + 2, ry), max(1.2, rw * 0.3), rng,
                  taper=(0.05, 0.05))
    else:
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
    return (rl + rdx, rr + rdx, ry)


# Poses as joints in units of standing height, feet at y = 0, facing right (+x).
# Each: neck, hip, (elbow, hand) x2, (knee, foot) x2, head (x, y, r), lean of the jacket hem.
POSES = {
    "stand": dict(neck=(0.0, -0.84), hip=(0.0, -0.5), arms=(((-0.085, -0.66), (-0.095, -0.5)),
                                                            ((0.09, -0.66), (0.1, -0.5))),
                  legs=(((-0.035, -0.26), (-0.045, 0.0)), ((0.04, -0.26), (0.05, 0.0))),
                  head=(0.012, -0.925, 0.064)),
    "walk": dict(neck=(0.03, -0.84), hip=(0.0, -0.5), arms=(((-0.07, -0.66), (-0.14, -0.52)),
                                                            ((0.11, -0.66), (0.17, -0.54))),
                 legs=(((-0.07, -0.26), (-0.17, 0.0)), ((0.1, -0.28), (0.14, 0.0))),
                 head=(0.05, -0.92, 0.064)),
    "carry": dict(neck=(0.04, -0.83), hip=(0.0, -0.49), arms=(((0.12, -0.74), (0.1, -0.87)),
                                                              ((-0.06, -0.66), (-0.1, -0.52))),
                  legs=(((-0.08, -0.26), (-0.16, 0.0)), ((0.1, -0.27), (0.14, 0.0))),
                  head=(0.07, -0.91, 0.064), pole=True),
    "hoe": dict(neck=(0.17, -0.74), hip=(0.0, -0.49), arms=(((0.17, -0.6), (0.22, -0.545)),
                                                            ((0.25, -0.58), (0.316, -0.405))),
                legs=(((-0.06, -0.25), (-0.13, 0.0)), ((0.1, -0.27), (0.16, 0.0))),
                head=(0.25, -0.8, 0.064), hoe=True),
    "bundle": dict(neck=(0.1, -0.79), hip=(0.0, -0.49), arms=(((0.14, -0.64), (0.2, -0.5)),
                                                              ((0.06, -0.62), (0.1, -0.5))),
                   legs=(((-0.06, -0.25), (-0.14, 0.0)), ((0.09, -0.27), (0.12, 0.0))),
                   head=(0.16, -0.86, 0.064), bundle=True, stick=True),
    "squat": dict(neck=(0.08, -0.5), hip=(-0.04, -0.16), arms=(((0.16, -0.34), (0.25, -0.31)),
                                                               ((0.14, -0.35), (0.23, -0.34))),
                  legs=(((0.17, -0.31), (0.09, 0.0)), ((0.19, -0.3), (0.13, 0.0))),
                  head=(0.16, -0.575, 0.066), pipe=True, hem=0.02, hw=0.07),
}


def figure(ink, rng, x, yb, h, pose="stand", facing=1, kerchief=False, child=False):
    """A small silhouette without a face, built from a few tapered limbs."""
    P = POSES[pose]
    f = facing

    def q(pt):
        return (x + f * pt[0] * h, yb + pt[1] * h)

    neck, hip = P["neck"], P["hip"]
    # jacket: from rounded shoulders to a hem just below the hips
    dx, dy = neck[0] - hip[0], neck[1] - hip[1]
    L = math.hypot(dx, dy)
    ux, uy = dx / L, dy / L
    vx, vy = -uy, ux
    sw, hw = 0.075, P.get("hw", 0.088)
    he = P.get("hem", -0.07)

    def loc(u, v):
        return (hip[0] + ux * u + vx * v, hip[1] + uy * v * 0 + uy * u + vy * v)

    body = [loc(he, -hw), loc(he, hw), loc(L * 0.55, hw * 0.92), loc(L - 0.03, sw),
            loc(L + 0.005, sw * 0.55), loc(L + 0.005, -sw * 0.55), loc(L - 0.03, -sw),
            loc(L * 0.55, -hw * 0.92)]
    ink.fill([q(pt) for pt in body])
    for (knee, foot) in P["legs"]:
        ink.fill(blade_pts(q(hip), q(knee), h * 0.08, None, taper=(0, 0), rough=0, n=3))
        ink.fill(blade_pts(q(knee), q(foot), h * 0.064, None, taper=(0, 0.05), rough=0, n=3))
        ink.fill(circle_pts(*q(knee), h * 0.037, 8))
        fx, fy = q(foot)
        ink.fill([(fx - f * h * 0.03, fy), (fx + f * h * 0.06, fy), (fx + f * h * 0.02, fy - h * 0.04),
                  (fx - f * h * 0.03, fy - h * 0.04)])
    for (elbow, hand) in P["arms"]:
        sh = (neck[0] + (elbow[0] - neck[0]) * 0.1, neck[1] + 0.03)
        ink.fill(blade_pts(q(sh), q(elbow), h * 0.052, None, taper=(0, 0), rough=0, n=3))
        ink.fill(circle_pts(*q(elbow), h * 0.024, 8))
        ink.fill(blade_pts(q(elbow), q(hand), h * 0.044, None, taper=(0, 0.25), rough=0, n=3))
    hx, hy, hr = P["head"]
    if child:
        hr *= 1.25
    ink.fill(blade_pts(q(neck), q((hx, hy)), h * 0.05, None, taper=(0, 0), rough=0, n=3))
    ink.fill(circle_pts(*q((hx, hy)), hr * h, 14, hr * h * 1.1))
    if kerchief:
        kx, ky = q((hx - 0.035, hy + 0.02))
        ink.fill([(kx, ky), (kx - f * h * 0.06, ky + h * 0.05), (kx - f * h * 0.02, ky + h * 0.06)])
    if P.get("pipe"):
        a = q(P["arms"][0][1])
        ink.blade(a, (a[0] + f * h * 0.12, a[1] - h * 0.03), h * 0.014, None, taper=(0, 0))
        ink.fill(circle_pts(a[0] + f * h * 0.12, a[1] - h * 0.035, h * 0.016, 8))
    if P.get("hoe"):
        top = q((0.1, -0.72))
        tip = q((0.58, -0.02))
        ink.blade(top, tip, h * 0.028, None, taper=(0, 0), rough=0)
        ink.blade(tip, (tip[0] - f * h * 0.1, tip[1] + h * 0.02), h * 0.06, None, taper=(0, 0.2),
                  rough=0)
    if P.get("stick"):
        a = q(P["arms"][0][1])
        ink.blade(a, q((0.3, 0.0)), h * 0.022, None, taper=(0, 0))
    if P.get("bundle"):
        bx, by = q((-0.04, -0.76))
        ink.fill(wobble(lobed(rng, bx, by, h * 0.13, h * 0.12, 5, 0.15), rng, 0.3, 2))
    if P.get("pole"):
        sx, sy = q((0.02, -0.86))
        a = (sx - h * 0.56, sy + h * 0.04)
        b = (sx + h * 0.56, sy + h * 0.01)
        ink.blade(a, b, h * 0.03, None, taper=(0, 0), rough=0, bend=0.06)
        for (px, py) in (a, b):
            by = yb - h * 0.3
            for s_ in (-1, 1):
                ink.blade((px, py), (px + s_ * h * 0.08, by), max(0.7, h * 0.012), None,
                          taper=(0, 0), rough=0)
            ink.fill([(px - h * 0.095, by), (px + h * 0.095, by), (px + h * 0.07, by + h * 0.15),
                      (px - h * 0.07, by + h * 0.15)])


def crop_band(ink, rng, y_top, y_bot, x0=-20, x1=W + 20, leaf=26.0, ears=0.0, light=(1, -1),
              lean=0.0, cuts=1.0):
    """A dark foreground band of crop: a solid mass under a serrated edge of leaves, with
    leaf cuts where the light catches it."""
    noise = Noise1D(rng)
    top = [(x, y_top + 10 * noise.fbm(x / 140.0)) for x in range(int(x0), int(x1) + 8, 8)]
    ink.fill(wobble(top + [(x1, y_bot + 10), (x0, y_bot + 10)], rng, 1.0, 6))
    for i in range(int((x1 - x0) / leaf * 7)):
        x = rng.uniform(x0, x1)
        y = y_at(top, x) + rng.uniform(-2, 14)
        a = -math.pi / 2 + lean + rng.uniform(-0.6, 0.6)
        L = leaf * rng.uniform(0.6, 1.5)
        ink.blade((x, y), (x + math.cos(a) * L, y + math.sin(a) * L), L * rng.uniform(0.08, 0.14),
                  rng, taper=(0.0, 0.85), bend=rng.uniform(-0.18, 0.18))
        if rng.random() < ears:
            a = -math.pi / 2 + lean + rng.uniform(-0.25, 0.25)
            L = leaf * rng.uniform(1.3, 1.9)
            tip = (x + math.cos(a) * L, y + math.sin(a) * L)
            ink.blade((x, y), tip, max(1.0, leaf * 0.04), None, taper=(0, 0))
            e1 = (tip[0] + math.cos(a) * leaf * 0.45, tip[1] + math.sin(a) * leaf * 0.45)
            ink.blade(tip, e1, leaf * 0.14, rng, taper=(0.3, 0.6))
            for k in range(3):
                t = 0.2 + 0.25 * k
                bx, by = tip[0] + (e1[0] - tip[0]) * t, tip[1] + (e1[1] - tip[1]) * t
                for s_ in (-1, 1):
                    aa = a + s_ * 0.5
                    ink.blade((bx, by), (bx + math.cos(aa) * leaf * 0.16, by + math.sin(aa) * leaf * 0.16),
                              leaf * 0.06, rng, taper=(0.2, 0.7))
            for k in range(5):  # awns
                t = 0.3 + 0.17 * k
                bx, by = tip[0] + (e1[0] - tip[0]) * t, tip[1] + (e1[1] - tip[1]) * t
                aa = a + (k - 2) * 0.09 + rng.uniform(-0.05, 0.05)
                ll = leaf * rng.uniform(0.4, 0.6)
                ink.blade((bx, by), (bx + math.cos(aa) * ll, by + math.sin(aa) * ll),
                          max(0.7, leaf * 0.02), None, taper=(0, 0.6))
    # leaf cuts inside the band, more near the top
    lx = 1 if light[0] > 0 else -1
    for i in range(int((x1 - x0) / leaf * 10 * cuts)):
        x = rng.uniform(x0, x1)
        yt = y_at(top, x)
        y = yt + (y_bot - yt) * rng.random() ** 1.8 + 4
        L = leaf * rng.uniform(0.35, 0.8) * (1 - 0.5 * (y - yt) / max(1, y_bot - yt))
        a = -math.pi / 2 + lean + lx * rng.uniform(0.1, 0.6)
        ink.blade((x, y), (x + math.cos(a) * L, y + math.sin(a) * L), L * rng.uniform(0.12, 0.22),
                  rng, cut=True, taper=(0.4, 0.6), bend=rng.uniform(-0.1, 0.1))


def smoke(pl, rng, x, y, rise, drift, w0=6.0, w1=60.0, strands=6, lw=2.2, cut=False,
          breaks=0.35, billow=0.35, curl=2.5):
    """A plume rising and bending downwind, cut as a ribbon of parallel wavering lines."""
    noise = Noise1D(rng)
    n = 60
    cen = []
    for i in range(n + 1):
        t = i / n
        cx = x + drift * t ** 1.7 + 10 * noise.fbm(t * 3 + 5) * t
        cy = y - rise * (1 - (1 - t) ** 1.6)
        cen.append((cx, cy))
    for k in range(strands):
        o = k / max(1, strands - 1) - 0.5
        seed = rng.uniform(0, 300)
        path = []
        for i in range(n + 1):
            t = i / n
            a = cen[max(0, i - 1)]
            b = cen[min(n, i + 1)]
            dx, dy = b[0] - a[0], b[1] - a[1]
            L = math.hypot(dx, dy) or 1
            nx, ny = -dy / L, dx / L
            width = w0 + (w1 - w0) * t ** 0.9
            off = o * width * (1 + billow * math.sin(t * curl * 2 * math.pi + o * 2.0))
            w = lw * (1.1 - 0.7 * t) * (1 + 0.5 * noise.fbm(seed + t * 8))
            w *= min(1.0, (1 - t) / (0.35 + 0.25 * abs(o)))  # thins out as it disperses
            if noise(seed * 2 + t * 10) < -1 + 2 * breaks * (0.3 + t):
                w = 0
            path.append((cen[i][0] + nx * off, cen[i][1] + ny * off, w))
        mod_stroke(pl, path, cut, wmin=0.45)


def banner(p, rng, x, yb, pole_h, fw, fh, phase=0.0, wave=0.16, red="red", ink="ink"):
    """A red banner on a tall pole, streaming downwind (to the right), its folds shaded."""
    inkp, redp = p[ink], p[red]
    top = yb - pole_h
    pw = max(1.6, pole_h * 0.011)
    inkp.blade((x, yb + 2), (x + rng.uniform(-1, 1), top - fh * 0.12), pw, rng, taper=(0.0, 0.0),
               rough=0.05)
    inkp.fill(wobble([(x - pw * 1.4, top - fh * 0.1), (x + pw * 1.4, top - fh * 0.1),
                      (x, top - fh * 0.1 - pw * 4.5)], rng, 0.2, 2))
    n = 48
    up, lo, facing = [], [], []
    k = 1.15
    for i in range(n + 1):
        u = i / n
        ph = 2 * math.pi * (u * k + phase)
        dy = fh * wave * math.sin(ph) * (0.25 + u) + fh * 0.22 * u * u
        dx = -fw * 0.05 * (1 - math.cos(ph)) * u
        up.append((x + pw / 2 + fw * u + dx, top + dy))
        lo.append((x + pw / 2 + fw * u * 0.95 + dx * 1.2, top + fh * (1 - 0.22 * u) + dy * 1.2))
        facing.append(math.cos(ph))
    shape = wobble(up + lo[::-1], rng, 0.5, 4)
    p.knock(shape, keep=(ink,))
    redp.fill(shape)
    # folds turned away from us: a few carved lines, darkest at the turn
    if fw > 40:
        with clipped(inkp, shape) as c:
            sp = max(3.2, fw / 34)
            xu = 0.0
            while xu < 1.0:
                i = min(n, int(xu * n))
                sl = facing[i]
                if sl > 0.35 and xu > 0.04:
                    (xa, ya), (xb, yb2) = up[i], lo[i]
                    w = (sl - 0.35) * 2.4 * fh / 45
                    if w > 0.5:
                        c.blade((xa, ya - 3), (xb, yb2 + 3), w, rng, taper=(0.15, 0.15))
                xu += sp / fw
        # the top edge catches the sky: a thin hem line
        inkp.line([up[i] for i in range(0, n + 1, 2)], max(0.8, fh / 60))
    return shape


def bare_poplar(ink, rng, x, yb, h, tw=None, lean=0.0, twigs=1.0):
    """A poplar in winter: a straight trunk and many branches climbing close to it."""
    tw = tw or h * 0.035
    left, right = [], []
    for i in range(21):
        t = i / 20
        y = yb + 2 - (h + 2) * t
        hw = tw / 2 * (1 - 0.9 * t) + (tw * 0.3 * (1 - t / 0.05) if t < 0.05 else 0)
        left.append((x + lean * h * t - hw, y))
        right.append((x + lean * h * t + hw, y))
    ink.fill(wobble(left + right[::-1], rng, 0.4, 3))
    n = int(16 + h / 18)
    for i in range(n):
        t = 0.22 + 0.74 * (i + rng.uniform(0, 1)) / n
        bx, by = x + lean * h * t, yb - h * t
        side = -1 if rng.random() < 0.5 else 1
        L = h * rng.uniform(0.12, 0.26) * (1.2 - t * 0.8)
        ang = -math.pi / 2 + side * rng.uniform(0.18, 0.5)
        ex, ey = bx + math.cos(ang) * L, by + math.sin(ang) * L
        bw = tw * 0.4 * (1.1 - t)
        ink.blade((bx, by), (ex, ey), max(0.9, bw), rng, taper=(0.0, 0.85), bend=side * 0.06)
        for k in range(int(rng.randint(1, 3) * twigs)):
            u = rng.uniform(0.35, 0.85)
            tx, ty = bx + (ex - bx) * u, by + (ey - by) * u
            a2 = ang + side * rng.uniform(0.2, 0.6) * rng.choice((-1, 1))
            ll = L * rng.uniform(0.2, 0.4)
            ink.blade((tx, ty), (tx + math.cos(a2) * ll, ty + math.sin(a2) * ll), max(0.7, bw * 0.5),
                      rng, taper=(0.0, 0.85))


def limb_pts(p0, p1, w0, w1, bend=0.0, n=8):
    """A branch segment: a gently curved band narrowing from w0 to w1 (no pinch at joints)."""
    x0, y0 = p0
    x1, y1 = p1
    L = math.hypot(x1 - x0, y1 - y0) or 1e-6
    nx, ny = -(y1 - y0) / L, (x1 - x0) / L
    cx, cy = (x0 + x1) / 2 + nx * bend * L, (y0 + y1) / 2 + ny * bend * L
    left, right = [], []
    for i in range(n + 1):
        t = i / n
        mt = 1 - t
        px = mt * mt * x0 + 2 * mt * t * cx + t * t * x1
        py = mt * mt * y0 + 2 * mt * t * cy + t * t * y1
        tx = 2 * mt * (cx - x0) + 2 * t * (x1 - cx)
        ty = 2 * mt * (cy - y0) + 2 * t * (y1 - cy)
        tl = math.hypot(tx, ty) or 1e-6
        hw = (w0 + (w1 - w0) * t) / 2
        left.append((px - ty / tl * hw, py + tx / tl * hw))
        right.append((px + ty / tl * hw, py - tx / tl * hw))
    return left + right[::-1]


def bare_tree(ink, rng, x, yb, h, spread=1.0, lean=0.0, depth=5, trunk_w=None, stripped=0.0,
              twig=0.7):
    """A leafless elm or willow: curving limbs, fine twigs; stripped > 0 shows the pale wood
    where the bark was peeled, up to that fraction of the height."""
    tw = trunk_w or h * 0.06
    trunk_h = h * 0.38
    top = (x + lean * trunk_h, yb - trunk_h)

    def branch(px, py, ang, L, w, d):
        bend = rng.uniform(-0.16, 0.16)
        ex = px + math.cos(ang) * L
        ey = py + math.sin(ang) * L
        w1 = w * (0.66 if d > 0 else 0.15)
        ink.fill(limb_pts((px, py), (ex, ey), w, w1, bend, n=6 if L > 20 else 3))
        if d == 0:
            return
        k = rng.choice((1, 2, 2, 2, 3)) if d < depth - 1 else rng.choice((2, 3))
        for i in range(k):
            a2 = ang + spread * ((i - (k - 1) / 2) * 0.62 + rng.uniform(-0.3, 0.3))
            a2 = a2 * 0.88 + (-math.pi / 2) * 0.12
            branch(ex, ey, a2, L * rng.uniform(0.58, 0.82), w1 * rng.uniform(0.8, 1.0), d - 1)
        if d <= 2:
            for i in range(int(4 * twig)):
                t = rng.uniform(0.25, 0.95)
                bx, by = px + (ex - px) * t, py + (ey - py) * t
                a3 = ang + rng.choice((-1, 1)) * rng.uniform(0.4, 1.0)
                ll = L * rng.uniform(0.2, 0.45)
                ink.fill(limb_pts((bx, by), (bx + math.cos(a3) * ll, by + math.sin(a3) * ll),
                                  max(0.8, w * 0.4), 0.3, rng.uniform(-0.2, 0.2), n=3))

    left, right = [], []
    for i in range(13):
        t = i / 12
        y = yb + 3 - (trunk_h + 3) * t
        hw = tw / 2 * (1 - 0.3 * t) + (tw * 0.5 * (1 - t / 0.15) if t < 0.15 else 0)
        cx = x + lean * (yb - y)
        left.append((cx - hw, y))
        right.append((cx + hw, y))
    ink.fill(wobble(left + right[::-1], rng, max(0.4, tw * 0.04), 3))
    nb = 2 + (rng.random() < 0.5)
    for i in range(nb):
        a = -math.pi / 2 + spread * ((i - (nb - 1) / 2) * 0.5 + rng.uniform(-0.15, 0.15))
        branch(top[0], top[1], a, h * rng.uniform(0.24, 0.32), tw * 0.72, depth - 1)
    if stripped > 0:
        # the pale wood where the bark was peeled, ragged at the top, with knife marks
        ys = yb - h * stripped
        band = []
        for i in range(9):
            t = i / 8
            band.append((x + lean * (yb - ys) - tw * 0.36 + tw * 0.72 * t, ys + rng.uniform(-5, 5)))
        band += [(x + tw * 0.4, yb - 2), (x - tw * 0.4, yb - 2)]
        ink.fill(band, cut=True)
        for i in range(4):
            xx = x - tw * 0.25 + tw * 0.5 * (i + rng.uniform(0.2, 0.8)) / 4
            ink.blade((xx, yb - 3), (xx + lean * h * stripped, ys + rng.uniform(6, 14)),
                      max(0.7, tw * 0.05), rng, taper=(0.1, 0.5))
        # the shaded edge of the round trunk
        ink.blade((x + tw * 0.34, yb - 2), (x + lean * (yb - ys) + tw * 0.3, ys + 3), tw * 0.16, rng,
                  taper=(0, 0.2))


# ---------------------------------------------------------------- pictures

def village(p, rng, g, z, x0, x1, light=(-1.0, -0.7), thatch=0.3, seed_trees=None,
            houses=None, poplars=5, tree_scale=1.0):
    """A village on the plain at depth z: a mass of trees with two rows of houses before it."""
    ink = p["ink"]
    vy = g.p(0, z)[1]
    sc = g.s(z)
    span = x1 - x0
    # trees behind
    xs = sorted(rng.uniform(x0, x1) for _ in range(int(span / 38)))
    for x in xs:
        th = sc * rng.uniform(7, 12.5) * tree_scale
        round_tree(ink, rng, x, vy + 2, th, th * rng.uniform(0.9, 1.4), light)
    for i in range(poplars):
        x = x0 + span * (i + rng.uniform(0.2, 0.8)) / poplars
        th = sc * rng.uniform(14, 22) * tree_scale
        poplar(ink, rng, x, vy + 2, th, th * 0.2, crown=(0.3, 1.0), light=light, cluster=0.8)
    # back row, then front row, of houses
    for row, (dy, hs) in enumerate(((3, 0.85), (14, 1.0))):
        x = x0 + rng.uniform(-20, 20) + row * 30
        while x < x1 - 30:
            hw = sc * rng.uniform(6, 9.5) * hs
            hh = sc * rng.uniform(2.6, 3.2) * hs
            yb = vy + dy * sc / 9 + rng.uniform(-1, 2)
            gable = "left" if rng.random() < 0.5 else "right"
            house(p, rng, x, yb, hw, hh, hh * rng.uniform(0.5, 0.65), gable=gable,
                  thatch=rng.random() < thatch, windows=hw > 60)
            x += hw + hw * 0.3 + rng.uniform(8, 40) * sc / 10
            if row == 1 and rng.random() < 0.5:
                # a courtyard wall with its gate
                ww = rng.uniform(20, 50) * sc / 10
                wall = wobble([(x - 8, yb), (x - 8 + ww, yb), (x - 8 + ww, yb - hh * 0.5),
                               (x - 8, yb - hh * 0.5)], rng, 0.5, 3)
                p.knock(wall)
                p["ochre"].fill(wall)
                ink.blade((x - 10, yb - hh * 0.5), (x - 6 + ww, yb - hh * 0.5), max(1.6, hh * 0.1),
                          rng, taper=(0, 0))
                x += ww * 0.8
    return vy


def draw_title():
    """Yangshuwan at dawn: the plain, the village in its trees, the poplar and loudspeaker."""
    p = Print(1958, PAPER, [("ochre", OCHRE, (2, 1), 2), ("red", VERMILION, (-1, 2), 1),
                            ("green", GREEN, (1, -1), 2), ("ink", INK, (0, 0), -1)])
    rng = p.rng
    ink, och, red = p["ink"], p["ochre"], p["red"]
    hy = 598
    g = Ground(hy, 760, 5200)
    sun = (1040, hy - 16, 38)
    horizon = ridge_line(rng, -20, W + 20, hy, 1.5, 300)
    light = (1.0, -0.6)  # the sun is low in the east, to the right
    # sky: an ochre dawn glow under a few long bars of cloud
    sky_lines(och, rng, 420, hy + 4, gap_bot=6, gap_top=12, w_bot=7.0, w_top=0.0, jitter=0.45,
              clouds=[(sun[0], hy - 30, 480, 50, 3.0)], avoid=[(sun[0], sun[1], sun[2] + 9)])
    sun_rings(och, rng, sun[0], sun[1], sun[2] + 20, 3, 14, 3.4)
    sky_lines(ink, rng, 330, hy - 8, gap_bot=9, gap_top=14, w_bot=0.55, w_top=0.0, jitter=0.7,
              clouds=[(300, 438, 420, 13, 3.4), (560, 476, 300, 10, 2.4),
                      (1420, 452, 280, 12, 3.0), (820, 400, 260, 8, 2.0)],
              avoid=[(sun[0], sun[1], sun[2] + 80)])
    red.disc(sun[:2], sun[2])
    # the plain: a patchwork of wheat and ploughed strips
    p.knock([(-20, hy + 1), (W + 20, hy + 1), (W + 20, H + 20), (-20, H + 20)])
    plots = field_layout(rng, g, 11, 4000, [("wheat", 6), ("plough", 2), ("young", 2)])
    styles = {"wheat": ("green", "z", dict(spacing=0.3, width=0.11, breaks=0.12, fade=0.5)),
              "young": ("green", "x", dict(spacing=0.5, ratio=0.3, breaks=0.3, fade=0.5)),
              "plough": ("ochre", "x", dict(spacing=0.4, ratio=0.45, fade=0.4))}
    draw_fields(p, rng, g, plots, styles, bank=0.3)
    distant_trees(ink, rng, horizon, -10, W + 10, 4, 12, gaps=0.6, poplars=0.2)
    # the road to the village, a pale earth track
    zs = [11 * 1.07 ** i for i in range(60) if 11 * 1.07 ** i < 100]
    mid = [(-8 + 7 * math.sin(z / 22.0) - 0.05 * z, z) for z in zs]
    left = [g.p(X - 1.0, z) for X, z in mid]
    right = [g.p(X + 1.0, z) for X, z in mid]
    road = wobble(left + right[::-1], rng, 0.7, 5)
    p.knock(road)
    for k in range(len(zs) - 1):
        for side, lw in ((0.12, 1.8), (0.88, 1.2)):
            if rng.random() < 0.55:
                a = g.p(mid[k][0] - 1.0 + 2 * side, zs[k])
                b = g.p(mid[k + 1][0] - 1.0 + 2 * side, zs[k + 1])
                ink.blade(a, b, lw * 12 / zs[k] + 0.4, rng, taper=(0.3, 0.3))
    # the village among its trees
    vy = village(p, rng, g, 95, 0, 760, light=light)
    # a walker on the road, going in to work
    wx, wy = g.p(mid[22][0], zs[22])
    figure(ink, rng, wx, wy, 1.65 * g.s(zs[22]), "carry", facing=-1)
    # threshing floor with rick and roller, and the big poplar
    tz = 46
    tx, ty = 1300, g.p(0, tz)[1]
    tfX = g.X(tx - 40, tz)
    tf = wobble(g.quad(tfX - 16, tfX + 14, tz - 10, tz + 9), rng, 1.0, 5)
    p.knock(tf)
    with clipped(ink, tf) as c:
        furrows_x(c, rng, g, tfX - 18, tfX + 16, tz - 10, tz + 9, spacing=0.8, ratio=0.3,
                  breaks=0.3, fade=0.2, min_px=4.5)
    for i in range(30):  # scattered straw
        X = tfX + rng.uniform(-15, 13)
        Z = rng.uniform(tz - 5, tz + 8)
        x, y = g.p(X, Z)
        a = rng.uniform(-0.4, 0.4)
        och.blade((x, y), (x + 9 * math.cos(a), y + 9 * math.sin(a)), 1.6, rng)
    rick = wobble([(1130, ty + 10), (1136, ty - 16), (1150, ty - 30), (1172, ty - 34),
                   (1194, ty - 24), (1204, ty + 10)], rng, 0.8, 3)
    p.knock(rick)
    och.fill(rick)
    with clipped(ink, rick) as c:
        for i in range(22):
            xx = 1120 + i * 4.4
            c.blade((xx, ty + 12), (xx + 10, ty - 38), 1.5 if xx > 1160 else 2.3, rng)
    ink.fill(wobble(circle_pts(1232, ty + 4, 8, 14, 7), rng, 0.3, 2))
    ink.fill(wobble([(1232, ty - 3), (1256, ty - 3), (1256, ty + 11), (1232, ty + 11)], rng, 0.3, 2))
    ink.fill(circle_pts(1256, ty + 4, 4, 10, 6), cut=True)
    # the poplar's long dawn shadow, thrown toward us across floor and field
    Xp = g.X(1352, tz)
    z = tz - 0.3
    L = tz - 13.0
    while z > 13:
        u = (tz - z) / L  # 0 at the trunk, 1 far along the shadow
        half = 0.35 + (2.6 * math.sin(math.pi * (u - 0.3) / 0.7) ** 0.8 if u > 0.3 else 0.0)
        X = Xp - 0.45 * (tz - z)
        xa, y = g.p(X - half, z)
        xb, _ = g.p(X + half, z)
        ink.blade((xa, y), (xb, y + rng.uniform(-0.5, 0.5)), min(5.0, 2.2 * 40 / z) * 0.9, rng,
                  taper=(0.15, 0.15))
        z -= z * z * 4.6 / g.k * (1 + 0.4 * (13 / z))
    poplar(ink, rng, 1352, ty + 8, 520, 124, crown=(0.4, 1.0), light=light,
           loudspeaker=(ty - 182, -1))
    # the wire from the loudspeaker to a pole at the village edge
    wire = []
    for k in range(41):
        t = k / 40
        wire.append((1345 - (1345 - 800) * t, ty - 184 + (vy - 64 - ty + 184) * t
                     + 40 * math.sin(math.pi * t)))
    ink.line(wire, 0.8)
    ink.blade((800, vy + 16), (801, vy - 66), 2.4, rng, taper=(0, 0))
    # foreground wheat, dark, at the very edge of the print
    crop_band(ink, rng, H - 26, H, leaf=30, ears=0.12, light=light)
    return p.render()


def spring_willow(p, rng, x, yb, h, w, light=(-1.0, -0.7), leaf_plate="green", bare=False,
                  sparse=1.0):
    """A willow in first leaf: ink trunk and limbs, a dome of drooping fronds in green."""
    ink = p["ink"]
    leaves = p[leaf_plate]
    tw = w * 0.075
    fork = (x + w * 0.03, yb - h * 0.27)
    ink.fill(wobble([(x - tw * 0.9, yb + 2), (x + tw * 0.9, yb + 2), (fork[0] + tw * 0.45, fork[1]),
                     (fork[0] - tw * 0.5, fork[1])], rng, 0.6, 3))
    ink.blade((x - tw * 0.1, yb - 2), (fork[0] - tw * 0.15, fork[1] + 4), tw * 0.25, rng,
              cut=True, taper=(0.2, 0.4))
    cx, cy = fork[0], yb - h * 0.6
    rx, ry = w * 0.5, h * 0.36
    # limbs
    ends = []
    for a in (-2.3, -1.85, -1.45, -1.05):
        a += rng.uniform(-0.12, 0.12)
        L = h * rng.uniform(0.3, 0.42)
        ex, ey = fork[0] + math.cos(a) * L, fork[1] + math.sin(a) * L
        ink.blade(fork, (ex, ey), tw * 0.5, rng, taper=(0.0, 0.9), bend=rng.uniform(-0.15, 0.15))
        ends.append((ex, ey))
    # the dome of fronds
    n = int(w * 1.3 * sparse)
    for i in range(n):
        a = rng.uniform(math.pi * 1.05, math.pi * 1.95)
        rr = rng.uniform(0.35, 1.0)
        sx, sy = cx + rx * rr * math.cos(a) * 0.9, cy + ry * rr * math.sin(a) * 0.9
        out = math.cos(a)
        L = ry * rng.uniform(0.7, 1.5) * (0.6 + 0.4 * (1 - abs(out)))
        ex = sx + out * rx * 0.25 + rng.uniform(-3, 3)
        ey = min(yb - h * 0.1, sy + L * 1.15)
        if bare:
            ink.blade((sx, sy), (ex, ey), 0.9, rng, taper=(0, 0.6), bend=-out * 0.15)
            continue
        leaves.blade((sx, sy), (ex, ey), rng.uniform(3.0, 6.5) * w / 180, rng, taper=(0.15, 0.7),
                     bend=-out * 0.18)
        if rng.random() < 0.22:
            ink.blade((sx, sy), (ex, ey), 0.8, rng, taper=(0.1, 0.7), bend=-out * 0.18)
    if not bare and sparse >= 1.0:
        mass = wobble(lobed(rng, cx, cy + ry * 0.05, rx * 0.82, ry * 0.72, 9, 0.25), rng, 1.0, 4)
        leaves.fill(mass)
        for j in range(int(rx * ry / 30)):
            a = rng.uniform(0, 2 * math.pi)
            rr = rng.uniform(0.1, 0.9)
            px, py = cx + rx * 0.8 * rr * math.cos(a), cy + ry * 0.7 * rr * math.sin(a)
            L = rng.uniform(5, 12) * w / 180
            leaves.blade((px, py), (px + rng.uniform(-1, 1), py + L), L * 0.3, rng, cut=True,
                         taper=(0.3, 0.6))


def draw_prologue():
    """April 1958: the young wheat on the east slope; Old Wei squats at the field's edge."""
    p = Print(1957, PAPER, [("ochre", OCHRE, (2, 1), 2), ("green", GREEN, (-1, 1), 2),
                            ("ink", INK, (0, 0), -1)])
    rng = p.rng
    ink, och = p["ink"], p["ochre"]
    hy = 590
    g = Ground(hy, 900, 3800)
    horizon = ridge_line(rng, -20, W + 20, hy, 1.2, 300)
    light = (-1.0, -0.8)
    # a pale spring sky: a low warm band and a few high streaks
    sky_lines(och, rng, 480, hy + 3, gap_bot=7, gap_top=12, w_bot=3.2, w_top=0.0, jitter=0.5)
    sky_lines(ink, rng, 310, hy - 12, gap_bot=11, gap_top=16, w_bot=0.35, w_top=0.0, jitter=0.7,
              clouds=[(420, 370, 380, 10, 2.6), (1220, 405, 420, 12, 3.0), (760, 470, 300, 8, 1.8),
                      (1500, 505, 200, 8, 1.5)])
    # swallows
    for (bx, by, bs) in ((610, 332, 13), (668, 356, 10), (1060, 300, 11)):
        ink.blade((bx - bs * 1.1, by - bs * 0.35), (bx, by + bs * 0.1), bs * 0.3, rng,
                  taper=(0.8, 0.1), bend=-0.18)
        ink.blade((bx, by + bs * 0.1), (bx + bs * 1.1, by - bs * 0.5), bs * 0.3, rng,
                  taper=(0.1, 0.8), bend=-0.18)
        ink.blade((bx - bs * 0.05, by), (bx + bs * 0.1, by + bs * 0.55), bs * 0.16, rng,
                  taper=(0.2, 0.6))
    p.knock([(-20, hy + 1), (W + 20, hy + 1), (W + 20, H + 20), (-20, H + 20)])
    # the near wheat, one long field on the slope, and the plots beyond it
    bank_X = -7.0
    plots = [(bank_X + 1.0, 60.0, 5.0, 75.0, "wheat"), (-80.0, bank_X - 1.0, 5.0, 24.0, "young"),
             (-120.0, bank_X - 1.0, 24.0, 75.0, "bare")]
    plots += field_layout(rng, g, 75, 3000, [("wheat", 7), ("bare", 2), ("young", 2)],
                          width=(25, 70), grow=(1.35, 1.8))
    styles = {"wheat": ("green", "z", dict(spacing=0.3, width=0.1, breaks=0.08, fade=0.45)),
              "young": ("green", "x", dict(spacing=0.4, ratio=0.35, breaks=0.3, fade=0.5)),
              "bare": ("ochre", "x", dict(spacing=0.5, ratio=0.25, breaks=0.45, fade=0.4))}
    draw_fields(p, rng, g, plots, styles, bank=3.0)
    row_tufts(ink, rng, g, bank_X + 1.2, 30, 12.0, 40.0, spacing=0.3)
    distant_trees(ink, rng, horizon, -10, W + 10, 3, 10, gaps=0.5, poplars=0.25)
    # the home village far off on the left, an island of trees
    distant_trees(ink, rng, [(0, hy + 3), (W, hy + 3)], 40, 400, 10, 24, gaps=0.0, poplars=0.3,
                  dense=1.6)
    for hx in (70, 150, 240, 310):
        house(p, rng, hx, hy + 5, 30, 10, 6, gable="right", windows=False, door=False, shade=False)
    # the field's edge: an earth bank running back from the lower left
    zs = [5 * 1.06 ** i for i in range(80) if 5 * 1.06 ** i < 90]
    left = [g.p(bank_X - 0.9, z) for z in zs]
    right = [g.p(bank_X + 0.9, z) for z in zs]
    edge = wobble(left + right[::-1], rng, 0.8, 5)
    p.knock(edge)
    och.fill(edge)
    with clipped(ink, edge) as c:
        for i in range(len(zs) - 1):
            c.blade(right[i], right[i + 1], max(0.8, 0.12 * g.s(zs[i])), rng, taper=(0.1, 0.1))
            if rng.random() < 0.5:
                a = (left[i][0] * 0.35 + right[i][0] * 0.65, left[i][1])
                b = (left[i + 1][0] * 0.35 + right[i + 1][0] * 0.65, left[i + 1][1])
                c.blade(a, b, max(0.6, 0.04 * g.s(zs[i])), rng)
    # grass along the bank
    for i in range(0, len(zs), 1):
        z = zs[i]
        s_ = g.s(z)
        if s_ < 8:
            break
        for side in (-0.85, 0.85):
            x, y = g.p(bank_X + side + rng.uniform(-0.1, 0.1), z)
            for k in range(3):
                a = -math.pi / 2 + rng.uniform(-0.7, 0.7)
                L = s_ * rng.uniform(0.08, 0.2)
                ink.blade((x, y), (x + math.cos(a) * L, y + math.sin(a) * L), max(1, L * 0.14), rng,
                          taper=(0, 0.8))
    # Old Wei, small, squatting at the edge of the wheat, and his grandson standing by
    oz = 22.0
    ox, oy = g.p(bank_X + 0.75, oz)
    figure(ink, rng, ox, oy, 1.65 * g.s(oz), "squat", facing=1)
    sx, sy = g.p(bank_X - 0.2, oz + 2.5)
    figure(ink, rng, sx, sy, 1.25 * g.s(oz + 2.5), "stand", facing=1)
    # a willow in first leaf on the bank behind them
    wz = 52
    wx, wy = g.p(bank_X - 0.4, wz)
    spring_willow(p, rng, wx, wy, 9 * g.s(wz), 9 * g.s(wz), light)
    # women hoeing the last strip, far down the slope
    for i, X in enumerate((14, 17, 19.5, 24)):
        z = 118 + i * 5
        x, y = g.p(X, z)
        figure(ink, rng, x, y, 1.6 * g.s(z), "hoe" if i != 2 else "stand", facing=-1)
    crop_band(ink, rng, H - 14, H, leaf=20, light=light, cuts=0.8)
    return p.render()


def ridge_horns(ink, rng, xl, xr, ry, size):
    """The upturned ends of a hall's roof ridge."""
    for x, d in ((xl, -1), (xr, 1)):
        ink.fill(wobble([(x - d * size * 0.6, ry - size * 0.1), (x + d * size * 0.3, ry - size * 0.25),
                         (x + d * size * 0.55, ry - size * 1.2), (x + d * size * 0.15, ry - size * 0.9),
                         (x - d * size * 0.5, ry - size * 0.55)], rng, 0.4, 2))


def ricks(p, rng, x, yb, w, h, light=(-1, -0.7)):
    """A domed straw rick, ochre with carved straw lines and its shaded side."""
    ink = p["ink"]
    pts = []
    for i in range(17):
        t = i / 16
        a = math.pi * (1 - t)
        pts.append((x + w / 2 * math.cos(a) * (1.0 + 0.04 * math.sin(t * 9)),
                    yb - h * (math.sin(a) ** 0.7) * (1 if t < 0.5 else 1.0)))
    pts = [(x + w / 2, yb + 1), (x - w / 2, yb + 1)] + pts[::-1][::-1]
    pts = wobble(pts, rng, 0.8, 3)
    p.knock(pts)
    p["ochre"].fill(pts)
    lx = -1 if light[0] < 0 else 1
    with clipped(ink, pts) as c:
        n = int(w / 4.2)
        for i in range(n):
            t = (i + 0.5) / n
            xx = x - w / 2 + w * t
            shade = (t if lx < 0 else 1 - t)
            c.blade((xx, yb + 2), (xx + (t - 0.5) * w * 0.25, yb - h * 1.1),
                    0.8 + 2.6 * shade ** 1.5, rng, taper=(0.0, 0.3))
        c.blade((x - w * 0.52, yb - h * 0.62), (x + w * 0.52, yb - h * 0.62), 1.6, rng, taper=(0, 0))
    # a capped top
    ink.fill(wobble([(x - w * 0.1, yb - h * 0.96), (x + w * 0.1, yb - h * 0.96),
                     (x + w * 0.02, yb - h * 1.12), (x - w * 0.03, yb - h * 1.12)], rng, 0.4, 2))


def draw_commune():
    """August 1958: red banners over the threshing floor; the new dining hall's chimney smokes."""
    p = Print(19588, PAPER, [("ochre", OCHRE, (2, 1), 2), ("red", VERMILION, (-1, 1), 2),
                             ("ink", INK, (0, 0), -1)])
    rng = p.rng
    ink, och = p["ink"], p["ochre"]
    hy = 612
    g = Ground(hy, 760, 4200)
    horizon = ridge_line(rng, -20, W + 20, hy, 1.2, 300)
    light = (-1.0, -0.8)
    # high summer sky: a warm haze low down, a few long clouds
    sky_lines(och, rng, 500, hy + 3, gap_bot=7, gap_top=12, w_bot=3.6, w_top=0.0, jitter=0.5)
    sky_lines(ink, rng, 320, hy - 12, gap_bot=9, gap_top=13, w_bot=0.3, w_top=0.0, jitter=0.85,
              clouds=[(1300, 410, 260, 16, 2.6), (1480, 450, 200, 12, 2.0), (180, 470, 240, 12, 1.8)])
    p.knock([(-20, hy + 1), (W + 20, hy + 1), (W + 20, H + 20), (-20, H + 20)])
    # stubble fields all round, wheat already in
    plots = [(-60.0, 80.0, 12.0, 27.0, "stubble")]
    plots += field_layout(rng, g, 27, 3000, [("stubble", 5), ("plough", 2)], width=(25, 70))
    styles = {"stubble": ("ochre", "z", dict(spacing=0.28, width=0.05, breaks=0.4, fade=0.5)),
              "plough": (None, "x", dict(spacing=0.4, ratio=0.4, breaks=0.2, fade=0.4))}
    draw_fields(p, rng, g, plots, styles, bank=3.0)
    row_tufts(ink, rng, g, -30, 40, 12.0, 26.0, spacing=0.28, height=0.09, step=0.3, min_px=3.0)
    distant_trees(ink, rng, horizon, -10, W + 10, 3, 11, gaps=0.5, poplars=0.25)
    # the village behind: trees and roofs
    vz = 120
    vy = g.p(0, vz)[1]
    for i in range(26):
        x = rng.uniform(-20, 1000)
        th = g.s(vz) * rng.uniform(7, 12)
        round_tree(ink, rng, x, vy + 2, th, th * rng.uniform(0.9, 1.4), light)
    for x in (60, 300, 520, 820):
        th = g.s(vz) * rng.uniform(15, 21)
        poplar(ink, rng, x, vy + 2, th, th * 0.2, crown=(0.3, 1.0), light=light, cluster=0.8)
    for x in (20, 150, 640, 760):
        house(p, rng, x, vy + 4, g.s(vz) * 7.5, g.s(vz) * 2.8, g.s(vz) * 1.7, gable="right",
              windows=False)
    # the threshing floor: beaten earth, pale, raked in long lines
    tfl = wobble(g.quad(-12, 34, 27, 66), rng, 1.2, 6)
    p.knock(tfl)
    with clipped(ink, tfl) as c:
        furrows_x(c, rng, g, -14, 36, 27, 66, spacing=0.7, ratio=0.16, breaks=0.5, fade=0.2,
                  min_px=5.0)
    # the dining hall (the old ancestral hall) and its new kitchen chimney
    hz = 58
    hx0, hx1 = g.p(-30, hz)[0], g.p(-13, hz)[0]
    hyb = g.p(0, hz)[1]
    sc = g.s(hz)
    chim_x = hx0 + (hx1 - hx0) * 0.78
    ink.fill(wobble([(chim_x, hyb - sc * 5), (chim_x + sc * 0.9, hyb - sc * 5),
                     (chim_x + sc * 0.8, hyb - sc * 9.2), (chim_x + sc * 0.1, hyb - sc * 9.2)], rng, 0.5, 3))
    for k in range(6):
        yy = hyb - sc * (5.4 + k * 0.65)
        ink.blade((chim_x + sc * 0.15, yy), (chim_x + sc * 0.45, yy), 1.0, rng, cut=True)
    smoke(ink, rng, chim_x + sc * 0.45, hyb - sc * 9.4, 230, 560, w0=sc * 0.6, w1=120, strands=11,
          lw=2.0, breaks=0.28, billow=0.3, curl=2.0)
    xl, xr, ry = house(p, rng, hx0, hyb, hx1 - hx0, sc * 4.2, sc * 2.6, depth=sc * 4,
                       gable="right", windows=True)
    ridge_horns(ink, rng, xl, xr, ry - 2, sc * 0.9)
    # a second, lower range: the storeroom beside it
    house(p, rng, g.p(-39, hz + 4)[0], g.p(0, hz + 4)[1], g.s(hz + 4) * 8, g.s(hz + 4) * 3.0,
          g.s(hz + 4) * 1.8, gable="left", windows=False)
    # straw ricks on the right of the floor
    for (X, Z, rw, rh) in ((30, 64, 7, 5.5), (36, 58, 6, 4.8), (24, 50, 6.5, 5.2)):
        x, y = g.p(X, Z)
        ricks(p, rng, x, y, rw * g.s(Z), rh * g.s(Z), light)
    # the poplar with the plowshare bell
    pz = 52
    px, py = g.p(14, pz)
    ph = 22 * g.s(pz)
    poplar(ink, rng, px, py, ph, ph * 0.21, crown=(0.42, 1.0), light=light,
           loudspeaker=(py - ph * 0.36, -1))
    bx, by = px + ph * 0.05, py - ph * 0.3
    ink.blade((px, by - 4), (bx + ph * 0.03, by - ph * 0.02), 2.2, rng, taper=(0, 0.2))
    ink.blade((bx + ph * 0.025, by - ph * 0.02), (bx + ph * 0.025, by + ph * 0.04), 1.0, None,
              taper=(0, 0))
    share = [(bx + ph * 0.01, by + ph * 0.04), (bx + ph * 0.045, by + ph * 0.04),
             (bx + ph * 0.05, by + ph * 0.1), (bx + ph * 0.028, by + ph * 0.12)]
    ink.fill(wobble(share, rng, 0.3, 2))
    # the banners, a row of poles along the far side of the floor
    for i, (X, Z) in enumerate(((-6, 62), (3, 57), (6, 47), (22, 40))):
        x, y = g.p(X, Z)
        s_ = g.s(Z)
        banner(p, rng, x, y, 10 * s_, 4.6 * s_, 1.8 * s_, phase=0.17 * i + rng.uniform(0, 0.1))
    # people coming to the meeting, small
    for i in range(28):
        Z = rng.uniform(24, 62)
        X = rng.uniform(-8, 22)
        x, y = g.p(X, Z)
        pose = rng.choice(("stand", "stand", "walk", "walk", "carry"))
        figure(ink, rng, x, y, rng.uniform(1.5, 1.72) * g.s(Z), pose, facing=rng.choice((-1, 1)),
               kerchief=rng.random() < 0.4)
    crop_band(ink, rng, H - 14, H, leaf=18, light=light, cuts=0.8)
    return p.render()


def lit_ground(pl, rng, g, z0, z1, sources, base=0.1, gain=1.0, min_px=3.0, cap=0.85, cut=True):
    """Ground hatching whose width follows the light of nearby sources (X, Z, radius, power):
    carved out of a dark plate it gives pools of glow on the ground."""
    noise = Noise1D(rng)
    z = z0
    while z < z1:
        dz = max(0.2, min_px * z * z / g.k)
        gap_px = g.k / z - g.k / (z + dz)
        X0, X1 = g.X(-40, z), g.X(W + 40, z)
        n = int((W + 80) / 6)
        seed = rng.uniform(0, 300)
        path = []
        for i in range(n + 1):
            X = X0 + (X1 - X0) * i / n
            x, y = g.p(X, z)
            lum = base
            for (sx, sz, r, pw) in sources:
                d2 = ((X - sx) ** 2 + (z - sz) ** 2 * 0.6) / (r * r)
                if d2 < 9:
                    lum += pw * math.exp(-d2)
            w = gap_px * min(cap, gain * lum) * (1 + 0.5 * noise.fbm(seed + i * 0.09))
            path.append((x, y + 0.5 * noise(seed + i * 0.05), w))
        mod_stroke(pl, path, cut, wmin=0.45)
        z += dz


def furnace(p, rng, x, yb, h, light_side=1, flame=1.0, sparks=True):
    """A backyard furnace: a tapering stack of mud brick, a glowing mouth, flame at the top."""
    ink, red = p["ink"], p["red"]
    wb, wt = h * 0.6, h * 0.34
    body = wobble([(x - wb / 2, yb + 1), (x + wb / 2, yb + 1), (x + wt / 2, yb - h),
                   (x - wt / 2, yb - h)], rng, max(0.4, h * 0.006), 3)
    p.knock(body, keep=("ochre",))
    ink.fill(body)
    # rim light on the side toward the next fire, and a few brick courses catching it
    t = 0.0
    while t < 0.97:
        t2 = min(0.98, t + rng.uniform(0.12, 0.3))
        ha = wb / 2 + (wt / 2 - wb / 2) * t
        hb = wb / 2 + (wt / 2 - wb / 2) * t2
        ink.blade((x + light_side * ha * 0.9, yb - h * t), (x + light_side * hb * 0.9, yb - h * t2),
                  max(0.8, h * 0.013), rng, cut=True, taper=(0.2, 0.2))
        t = t2 + rng.uniform(0.02, 0.08)
    rows = max(2, int(h / 16))
    for k in range(rows):
        t = (k + rng.uniform(0.2, 0.8)) / rows
        yy = yb - h * t
        half = wb / 2 + (wt / 2 - wb / 2) * t
        if rng.random() < 0.6:
            ink.blade((x + light_side * half * rng.uniform(0.55, 0.7), yy),
                      (x + light_side * half * 0.86, yy), max(0.7, h * 0.01), rng, cut=True,
                      taper=(0.6, 0.2))
    # the mouth: an arched opening full of fire
    mw, mh = h * 0.2, h * 0.2
    mouth = [(x - mw / 2, yb), (x + mw / 2, yb)] + [
        (x + mw / 2 * math.cos(a), yb - mh * 0.55 - mh * 0.45 * math.sin(a))
        for a in [i * math.pi / 8 for i in range(9)]]
    ink.fill(mouth, cut=True)
    red.fill(mouth)
    core = [(x - mw * 0.32, yb), (x + mw * 0.32, yb), (x + mw * 0.1, yb - mh * 0.55),
            (x - mw * 0.12, yb - mh * 0.5)]
    red.fill(core, cut=True)
    # flame: several tongues leaning downwind, hot cores in ochre
    lean = -0.35
    for i in range(4 + int(h / 60)):
        t = (i + 0.5) / (4 + int(h / 60))
        bx = x - wt * 0.4 + wt * 0.8 * t
        fh = h * flame * rng.uniform(0.14, 0.34) * (0.6 + 0.4 * math.sin(math.pi * t))
        tip = (bx + lean * fh + rng.uniform(-0.1, 0.1) * fh, yb - h - fh)
        pts = blade_pts((bx, yb - h + 2), tip, wt * rng.uniform(0.28, 0.4), rng,
                        bend=rng.uniform(-0.25, 0.25), taper=(0.05, 0.75))
        ink.fill(pts, cut=True)
        red.fill(pts)
        if rng.random() < 0.7:
            core = blade_pts((bx, yb - h + 2), (bx + (tip[0] - bx) * 0.55, yb - h - fh * 0.55),
                             wt * 0.14, rng, taper=(0.1, 0.7))
            red.fill(core, cut=True)
    if sparks:
        for i in range(int(h / 9)):
            sx = x + rng.gauss(0, wt * 0.7) + lean * h * 0.3
            sy = yb - h - h * flame * rng.uniform(0.35, 0.9)
            r = max(0.8, h * rng.uniform(0.004, 0.009))
            ink.fill(circle_pts(sx, sy, r, 6), cut=True)


def draw_steel():
    """Autumn 1958, night: the steel drive. Rows of small furnaces burn across the fields."""
    p = Print(195810, PAPER, [("ochre", OCHRE, (1, 1), 2), ("red", VERMILION, (-1, 1), 2),
                              ("ink", INK, (0, 0), -1)])
    rng = p.rng
    ink, och, red = p["ink"], p["ochre"], p["red"]
    hy = 585
    g = Ground(hy, 1180, 1500)
    row = [(-5.5, 13 * 1.3 ** i) for i in range(14) if 13 * 1.3 ** i < 420]
    row2 = [(7.0, 30 * 1.32 ** i) for i in range(10) if 30 * 1.32 ** i < 420]
    fires = row + row2
    far = [(x, rng.uniform(7, 11)) for x in (70, 240, 410, 600, 1480, 1570)]
    # glow under everything; a hotter, broken band over the fires along the horizon
    och.fill(wobble([(-20, 110), (W + 20, 110), (W + 20, H + 20), (-20, H + 20)], rng, 3, 10))
    with clipped(red, [(-20, 470), (W + 20, 470), (W + 20, hy + 3), (-20, hy + 3)]) as c:
        sky_lines(c, rng, 470, hy + 3, gap_bot=4, gap_top=9, w_bot=2.0, w_top=0.0, jitter=0.5,
                  clouds=[(g.p(X, Z)[0], hy - 6, 60 + 1400 / Z, 22, 6 + 40 / Z) for X, Z in fires]
                  + [(x, hy - 4, 60, 14, 5.0) for x, _ in far])
    # the night: one black block, carved
    ink.fill([(-20, -20), (W + 20, -20), (W + 20, H + 20), (-20, H + 20)])
    glow_sky = [(g.p(X, Z)[0], hy - 30, 60 + 1500 / Z, 40, 1.5 + 26 / Z) for X, Z in fires]
    glow_sky += [(x, hy - 10, 40, 16, 1.6) for x, _ in far]
    sky_lines(ink, rng, 330, hy + 2, gap_bot=4.5, gap_top=16, w_bot=0.9, w_top=0.0, jitter=0.6,
              clouds=glow_sky, cut=True, wmin=0.6)
    # smoke from the near fires, lit from below, leaning away to the left
    for X, Z in fires[:6]:
        x, y = g.p(X, Z)
        hgt = 3.0 * g.s(Z)
        smoke(ink, rng, x - hgt * 0.05, y - hgt * 1.3, 100 + 1000 / Z, -(120 + 2400 / Z),
              w0=hgt * 0.25, w1=40 + 700 / Z, strands=6 + int(50 / Z), lw=1.3 + 16 / Z, cut=True,
              breaks=0.45, billow=0.25)
    # the ground: pools of light round each furnace
    src = [(X, Z, 2.0 + Z * 0.06, 1.7) for X, Z in fires]
    lit_ground(ink, rng, g, 6, 600, src, base=0.03, gain=0.9, min_px=3.4)
    # far fires all along the horizon
    for x, hh in far:
        furnace(p, rng, x, hy + 3, hh, sparks=False)
    # the rows of furnaces, far ones first
    for X, Z in sorted(fires, key=lambda f: -f[1]):
        x, y = g.p(X, Z)
        furnace(p, rng, x, y, 3.0 * g.s(Z), light_side=1 if X < 0 else -1)
    # people carrying ore and charcoal in baskets along the row
    for i, Z in enumerate((17.5, 21, 25, 30, 36, 44, 53)):
        X = -2.4 + rng.uniform(-0.3, 0.3)
        x, y = g.p(X, Z)
        figure(ink, rng, x, y, 1.65 * g.s(Z), "carry" if i % 3 != 2 else "bundle", facing=-1)
    for i, (X, Z) in enumerate(((-4.0, 14.0), (-7.6, 16.5))):
        x, y = g.p(X, Z)
        figure(ink, rng, x, y, 1.6 * g.s(Z), "stand" if i else "walk", facing=1)
    return p.render()


COLD_PAPER = hexc("#E4E2DA")
COLD_INK = hexc("#2A2B2E")
BLUE_GREY = hexc("#7D8B96")


def sack(p, rng, x, yb, w, h, rim=1, plate="ink", lit="ochre"):
    """A filled grain sack standing: a soft lump with a tied neck; rim-lit on one side."""
    ink = p[plate]
    pts = []
    for i in range(15):
        t = i / 14
        a = math.pi * t
        bulge = 1 + 0.08 * math.sin(a * 3)
        pts.append((x + w / 2 * math.cos(a) * bulge, yb - h * 0.82 * math.sin(a) ** 0.8))
    pts = [(x + w / 2, yb), (x - w / 2, yb)] + pts[::-1]
    neck = [(x - w * 0.14, yb - h * 0.8), (x + w * 0.14, yb - h * 0.8), (x + w * 0.1, yb - h),
            (x + w * 0.2, yb - h * 1.06), (x - w * 0.18, yb - h * 1.05), (x - w * 0.1, yb - h)]
    ink.fill(wobble(pts, rng, 0.5, 3))
    ink.fill(wobble(neck, rng, 0.3, 2))
    # the lamp catches its shoulder
    a0 = math.pi * (1.1 if rim < 0 else 1.55)
    crescent(ink, x, yb - h * 0.42, w * 0.4, h * 0.36, a0, a0 + 0.9, max(1.0, w * 0.06))


def hanging_lamp(p, rng, x, y, size, plate="ink", rays="ochre"):
    """A hurricane lamp on a hook, with carved rays round it."""
    ink = p[plate]
    ink.blade((x, y - size * 2.2), (x, y - size * 0.9), max(0.8, size * 0.06), None, taper=(0, 0))
    ink.fill(circle_pts(x, y - size * 0.95, size * 0.22, 10))
    glass = [(x - size * 0.32, y - size * 0.7), (x + size * 0.32, y - size * 0.7),
             (x + size * 0.42, y - size * 0.2), (x + size * 0.3, y + size * 0.2),
             (x - size * 0.3, y + size * 0.2), (x - size * 0.42, y - size * 0.2)]
    ink.fill(wobble(glass, rng, 0.3, 2), cut=True)
    ink.blade((x - size * 0.45, y + size * 0.28), (x + size * 0.45, y + size * 0.28),
              size * 0.16, None, taper=(0, 0))
    ink.blade((x - size * 0.3, y - size * 0.74), (x + size * 0.3, y - size * 0.74), size * 0.12,
              None, taper=(0, 0))
    for k in range(24):
        a = 2 * math.pi * k / 24 + rng.uniform(-0.05, 0.05)
        r0, r1 = size * rng.uniform(0.9, 1.1), size * rng.uniform(1.8, 3.4)
        p[rays].blade((x + r0 * math.cos(a), y + r0 * math.sin(a)),
                      (x + r1 * math.cos(a), y + r1 * math.sin(a)), size * 0.12, rng, cut=True,
                      taper=(0.2, 0.8))


def draw_harvest():
    """Winter 1958: the brigade storehouse at dusk; a lamp inside, a few sacks, snow outside."""
    p = Print(195812, COLD_PAPER, [("blue", BLUE_GREY, (1, -1), 2), ("ochre", OCHRE, (-1, 1), 1),
                                   ("ink", COLD_INK, (0, 0), -1)])
    rng = p.rng
    ink, och, blue = p["ink"], p["ochre"], p["blue"]
    hy = 575
    g = Ground(hy, 520, 3000)
    horizon = ridge_line(rng, -20, W + 20, hy, 1.0, 300)
    # dusk: the blue deepens upward; the last light is a pale band on the horizon
    blue.fill(wobble([(-20, -20), (W + 20, -20), (W + 20, 300), (-20, 300)], rng, 2, 10))
    sky_lines(blue, rng, 298, 520, gap_bot=16, gap_top=5.5, w_bot=0.0, w_top=6.5, jitter=0.4,
              wmin=0.6)
    # snow on the plain: plain paper, a few soft drifts
    p.knock([(-20, hy + 1), (W + 20, hy + 1), (W + 20, H + 20), (-20, H + 20)])
    for i in range(70):
        y = hy + 4 + (H - hy) * rng.random() ** 1.6
        z = g.Z(y)
        x = rng.uniform(-40, W)
        L = rng.uniform(40, 160) * g.s(z) / 40
        blue.blade((x, y), (x + L, y + rng.uniform(-1, 1)), max(1.0, 3.0 * g.s(z) / 60), rng,
                   taper=(0.4, 0.6), bend=rng.uniform(-0.02, 0.02))
    # the village beyond, roofs white, trees bare
    for x in range(-10, 520, 22):
        bare_tree(ink, rng, x + rng.uniform(-8, 8), hy + 2, rng.uniform(28, 46), spread=0.8,
                  depth=4, twig=0.3)
    for (x, w) in ((30, 44), (120, 52), (210, 40), (300, 56), (400, 46)):
        house(p, rng, x, hy + 6, w, w * 0.32, w * 0.2, gable="right", windows=False, wall="blue",
              snow=0.85, shade=True)
    distant_trees(ink, rng, horizon, 520, W + 10, 2, 7, gaps=0.6, poplars=0.3)
    # the storehouse
    sx0, sw, sh, srh = 700, 640, 176, 88
    syb = 735
    house(p, rng, sx0, syb, sw, sh, srh, depth=170, gable="left", wall="blue", door=False,
          windows=False, snow=0.8, shade=True)
    # mud-brick courses on the front wall, and the wall's own cold shade
    with clipped(ink, [(sx0, syb), (sx0 + sw, syb), (sx0 + sw, syb - sh), (sx0, syb - sh)]) as c:
        for k in range(int(sh / 9)):
            yy = syb - 5 - k * 9
            x = sx0 + rng.uniform(-20, 0)
            while x < sx0 + sw:
                L = rng.uniform(30, 110)
                if rng.random() < 0.55:
                    c.blade((x, yy), (x + L, yy + rng.uniform(-0.6, 0.6)), rng.uniform(0.9, 1.6),
                            rng, taper=(0.2, 0.2))
                x += L + rng.uniform(6, 30)
    # the open door, lamplight inside
    dx0, dw, dh = 960, 132, 150
    door = [(dx0, syb), (dx0 + dw, syb), (dx0 + dw, syb - dh), (dx0, syb - dh)]
    p.knock(door)
    och.fill(door)
    with clipped(ink, door) as c:
        # the dark back corners, the beam, and the bare floor
        c.fill([(dx0 - 2, syb - dh - 2), (dx0 + dw + 2, syb - dh - 2), (dx0 + dw + 2, syb - dh + 12),
                (dx0 - 2, syb - dh + 12)])
        c.fill([(dx0 - 2, syb - dh), (dx0 + 14, syb - dh + 12), (dx0 + 14, syb - 18), (dx0 - 2, syb + 2)])
        for k in range(5):
            yy = syb - 16 + k * 4
            c.blade((dx0 + 14, yy), (dx0 + dw, yy + rng.uniform(-0.5, 0.5)), 0.8 + k * 0.35, rng,
                    taper=(0.1, 0.3))
        for k in range(9):
            xx = dx0 + 14 + k * 3.2
            c.blade((xx, syb - dh + 12), (xx, syb - 18), 1.2, rng, taper=(0.1, 0.4))
    hanging_lamp(p, rng, dx0 + dw * 0.5, syb - dh + 52, 15)
    # a few sacks, nothing like a harvest
    for (x, yb_, w, h) in ((dx0 + 34, syb - 15, 30, 40), (dx0 + 60, syb - 15, 27, 35),
                           (dx0 + 47, syb - 48, 25, 31)):
        sack(p, rng, x, yb_, w, h, rim=1)
    # the open door leaf, and a man in the doorway with the ledger under his arm
    ink.fill(wobble([(dx0 + dw, syb), (dx0 + dw + 26, syb + 8), (dx0 + dw + 26, syb - dh + 4),
                     (dx0 + dw, syb - dh)], rng, 0.4, 3))
    figure(ink, rng, dx0 + dw * 0.8, syb - 1, 118, "stand", facing=-1)
    ink.fill([(dx0 + dw * 0.8 - 12, syb - 66), (dx0 + dw * 0.8 + 2, syb - 64),
              (dx0 + dw * 0.8 + 2, syb - 50), (dx0 + dw * 0.8 - 12, syb - 52)])
    # the light falling out across the snow
    spill = [(dx0 + 4, syb + 1), (dx0 + dw - 4, syb + 1), (dx0 + dw + 150, H + 20), (dx0 - 60, H + 20)]
    spill = wobble(spill, rng, 1.5, 6)
    with clipped(och, spill) as c:
        sky_lines(c, rng, syb - 2, H + 20, gap_bot=9, gap_top=4.2, w_bot=1.4, w_top=6.5,
                  jitter=0.45, x0=dx0 - 80, x1=dx0 + dw + 170, wmin=0.6)
    # the doorkeeper's shadow down the light
    shadow = wobble([(dx0 + dw * 0.8 - 8, syb + 1), (dx0 + dw * 0.8 + 8, syb + 1),
                     (dx0 + dw * 0.8 + 60, H + 20), (dx0 + dw * 0.8 + 14, H + 20)], rng, 1.0, 5)
    with clipped(ink, shadow) as c:
        sky_lines(c, rng, syb, H + 20, gap_bot=3.5, gap_top=3.0, w_bot=3.0, w_top=2.4, jitter=0.3,
                  x0=dx0, x1=dx0 + dw + 100, wmin=0.5)
    # a bare poplar beside the storehouse
    bare_poplar(ink, rng, 600, syb + 6, 470, tw=15)
    # footprints in the snow, to the door
    for i in range(30):
        t = i / 29
        x = 520 + (dx0 + 40 - 520) * t ** 0.9 + 40 * math.sin(t * 3) + (5 if i % 2 else -5) * (1 - t)
        y = H + 6 - (H + 6 - syb - 8) * t ** 0.8
        ww = 7 * (1 - t) + 2.2
        ink.blade((x - ww, y), (x + ww, y + ww * 0.15), ww * 0.45, rng, taper=(0.3, 0.3))
    # dry sorghum stalks standing out of the snow in the foreground
    for i in range(60):
        x = rng.uniform(-20, 560) if i % 3 else rng.uniform(1380, W + 20)
        y = H + 4 - rng.uniform(0, 20)
        L = rng.uniform(30, 90)
        a = -math.pi / 2 + rng.uniform(-0.25, 0.25)
        ink.blade((x, y), (x + math.cos(a) * L, y + math.sin(a) * L), rng.uniform(1.5, 3.0), rng,
                  taper=(0, 0.5), bend=rng.uniform(-0.05, 0.05))
        if rng.random() < 0.4:
            bx, by = x + math.cos(a) * L * 0.6, y + math.sin(a) * L * 0.6
            aa = a + rng.choice((-1, 1)) * rng.uniform(0.6, 1.2)
            ink.blade((bx, by), (bx + math.cos(aa) * L * 0.4, by + math.sin(aa) * L * 0.4 + 8),
                      2.4, rng, taper=(0, 0.8), bend=0.2)
    return p.render()


MIST_PAPER = hexc("#E5E6E1")
MIST = hexc("#B4BEC3")
SLATE = hexc("#74838E")
SLATE_INK = hexc("#2C333A")


def peak_line(rng, x0, x1, base, amp, scale, step=4.0):
    """A mountain crest: ridged noise gives sharp peaks and rounded valleys."""
    noise = Noise1D(rng)
    pts = []
    x = x0
    while x <= x1 + step:
        v = 0.0
        a = 1.0
        for k in range(4):
            v += a * (1 - abs(noise(x / scale * 2 ** k + k * 31.7))) ** (2 if k < 2 else 1)
            a *= 0.38 if k == 0 else 0.25
        pts.append((x, base - amp * (v / 1.5)))
        x += step
    return pts


def mountain(p, plate, rng, line, depth, gap=5.0, w0=4.0, fall=1.4, jitter=0.5, crest=None,
             texture=0.0, solid=0.0):
    """A ridge seen through mist: horizontal cut lines whose width falls with the distance
    below the crest, so the mountain dissolves into the mist below it.
    line: crest points sorted by x; solid: depth of a solid band under the crest."""
    poly = line + [(line[-1][0], H + 30), (line[0][0], H + 30)]
    p.knock(poly)
    pl = p[plate]
    noise = Noise1D(rng)
    top = min(y for _, y in line)
    bot = max(y for _, y in line) + depth
    with clipped(pl, poly) as c:
        y = top - 2
        while y < bot:
            seed = rng.uniform(0, 300)
            path = []
            for (x, yc) in line[::2]:
                d = y - yc
                if d < solid:
                    w = 0.0
                else:
                    t = min(1.0, (d - solid) / depth)
                    w = w0 * (1 - t) ** fall * (1 + jitter * 2 * noise.fbm(seed + x / 55.0))
                path.append((x, y + 0.8 * noise(seed + x / 35.0), w))
            mod_stroke(c, path, wmin=0.5)
            y += gap
        if solid > 0:
            # the crest itself: one clean cut edge with a solid band under it
            band = [(x, y - 1) for x, y in line] + [
                (x, y + solid * (0.6 + 0.8 * abs(noise(x / 30.0)))) for x, y in line][::-1]
            c.fill(wobble(band, rng, 0.5, 4, closed=True))
        if texture > 0:
            # rock strokes (cun) running down the steeper slopes from the crest
            for i in range(2, len(line) - 2, 2):
                x, y = line[i]
                slope = (line[i + 2][1] - line[i - 2][1]) / (line[i + 2][0] - line[i - 2][0])
                if abs(slope) > 0.45 and rng.random() < texture:
                    L = rng.uniform(0.15, 0.4) * depth
                    a = math.atan2(1.0, -slope * 0.6)
                    c.blade((x, y + 1), (x + math.cos(a) * L, y + 1 + math.sin(a) * L),
                            rng.uniform(1.2, 2.6), rng, taper=(0.05, 0.9), bend=rng.uniform(-0.1, 0.1))
    return poly


def pine(ink, rng, x, yb, h, lean=-0.3, pads=6, light=(-1.0, -0.6)):
    """A mountain pine: a crooked trunk and flat, layered pads of needles."""
    noise = Noise1D(rng)
    pts = []
    for i in range(13):
        t = i / 12
        pts.append((x + lean * h * t ** 1.3 + h * 0.05 * noise(t * 4 + 2), yb - h * t * (1 - 0.2 * t)))
    tw = h * 0.05
    left = [(px - tw / 2 * (1 - 0.7 * i / 12), py) for i, (px, py) in enumerate(pts)]
    right = [(px + tw / 2 * (1 - 0.7 * i / 12), py) for i, (px, py) in enumerate(pts)]
    ink.fill(wobble(left + right[::-1], rng, 0.6, 3))
    # bark plates on the trunk
    for i in range(int(h / 12)):
        k = rng.randint(1, 10)
        px, py = pts[k]
        ink.blade((px - tw * 0.25, py), (px + tw * 0.1, py - 3), max(0.8, tw * 0.12), rng, cut=True)
    la = math.atan2(light[1], light[0])
    for j in range(pads):
        t = 0.45 + 0.55 * (j + rng.uniform(0, 0.6)) / pads
        k = min(12, int(t * 12))
        bx, by = pts[k]
        side = rng.choice((-1, 1)) if j < pads - 1 else 0
        L = h * rng.uniform(0.18, 0.34) * (1.15 - t * 0.5)
        ex, ey = bx + side * L + lean * h * 0.1, by - L * 0.12
        if side:
            ink.blade((bx, by), (ex, ey), tw * 0.35, rng, taper=(0.0, 0.6), bend=side * 0.15)
        rx = h * rng.uniform(0.15, 0.24) * (1.2 - 0.5 * t)
        ry = rx * rng.uniform(0.3, 0.4)
        cx, cy = ex, ey - ry * 0.4
        pad = []
        for i in range(25):
            a = math.pi + math.pi * i / 24
            pad.append((cx + rx * math.cos(a), cy + ry * math.sin(a) * 1.3))
        for i in range(1, 12):
            a = math.pi * i / 12
            pad.append((cx + rx * math.cos(a) * 0.95, cy + ry * 0.45 * math.sin(a)))
        ink.fill(wobble(pad, rng, max(0.5, rx * 0.04), 3))
        # needles: short tufts along the rim, fanning outward
        for i in range(int(rx * 0.55)):
            u = rng.uniform(-1.0, 1.0)
            px = cx + rx * u * 0.95
            py = cy - ry * 1.3 * (1 - u * u) ** 0.5 * 0.95
            a = -math.pi / 2 + u * 1.25 + rng.uniform(-0.15, 0.15)
            L2 = ry * rng.uniform(0.35, 0.65)
            ink.blade((px, py + L2 * 0.4), (px + math.cos(a) * L2, py + math.sin(a) * L2),
                      max(0.8, L2 * 0.22), rng, taper=(0.1, 0.9))
        # the lit upper surface: fans of needle cuts
        for i in range(int(rx / 9) + 1):
            u = rng.uniform(-0.7, 0.7)
            if (u > 0) == (math.cos(la) < 0) and rng.random() < 0.75:
                continue
            fx, fy = cx + rx * u, cy + ry * 0.1
            for j in range(4):
                a = -math.pi / 2 + (j - 1.5) * 0.3 + u * 0.5
                L2 = ry * rng.uniform(0.5, 0.75)
                ink.blade((fx + math.cos(a) * L2 * 0.3, fy + math.sin(a) * L2 * 0.3),
                          (fx + math.cos(a) * L2, fy + math.sin(a) * L2), max(0.7, L2 * 0.08), rng,
                          cut=True, taper=(0.3, 0.7))


def draw_lushan():
    """July 1959, Lushan: ridges in mist and pines, far from the plain, cold."""
    p = Print(1959, MIST_PAPER, [("mist", MIST, (1, 1), 2), ("slate", SLATE, (-1, 1), 2),
                                 ("ink", SLATE_INK, (0, 0), -1)])
    rng = p.rng
    ink = p["ink"]
    # a cold sky: a few high streaks of mist
    sky_lines(p["mist"], rng, 280, 560, gap_bot=12, gap_top=18, w_bot=0.0, w_top=0.0, jitter=0.6,
              clouds=[(500, 360, 420, 12, 3.0), (1250, 420, 380, 10, 2.6), (900, 300, 300, 8, 2.0)])
    # ridges, far to near
    specs = [  # base y, amplitude, scale, plate, depth, w0, gap, solid
        (520, 190, 300, "mist", 110, 3.4, 4.6, 2),
        (600, 200, 240, "mist", 120, 4.4, 4.4, 5),
        (680, 210, 260, "slate", 120, 4.2, 4.2, 4),
        (770, 190, 220, "slate", 130, 4.6, 4.0, 7),
        (880, 150, 300, "ink", 120, 3.8, 4.2, 5),
    ]
    for k, (yb, amp, sc, plate, depth, w0, gap, solid) in enumerate(specs):
        line = peak_line(rng, -30, W + 30, yb, amp, sc)
        mountain(p, plate, rng, line, depth, gap=gap, w0=w0, solid=solid,
                 texture=0.25 if k >= 3 else 0.0)
        if k == 3:
            # a villa roof among trees on a near ridge, small: where the meeting is
            vx = min((q for q in line if 700 < q[0] < 900), key=lambda q: q[1])[0] + 40
            vy = y_at(line, vx) + 22
            for tx in (vx - 22, vx + 56):
                round_tree(ink, rng, tx, y_at(line, tx) + 26, 30, 24)
            house(p, rng, vx, vy, 40, 12, 8, gable="right", wall="mist", windows=False,
                  door=False, shade=True, knock=True)
        if k in (2, 3):
            # a few pines in clumps on the crests
            for cl in range(4):
                x0 = rng.uniform(80, 1000)
                for i in range(rng.randint(2, 5)):
                    x = x0 + rng.uniform(-30, 30)
                    y = y_at(line, x) + 3
                    hh = (9, 14)[k - 2] * rng.uniform(0.7, 1.3)
                    pl = p["slate"] if k == 2 else ink
                    pts = [(x, y - hh), (x + hh * 0.22, y - hh * 0.55), (x + hh * 0.1, y - hh * 0.55),
                           (x + hh * 0.3, y - hh * 0.1), (x - hh * 0.3, y - hh * 0.1),
                           (x - hh * 0.1, y - hh * 0.55), (x - hh * 0.22, y - hh * 0.55)]
                    pl.fill(wobble(pts, rng, 0.3, 2))
                    pl.blade((x, y + 2), (x, y - hh * 0.2), max(0.8, hh * 0.06), None, taper=(0, 0))
    # the foreground rock on the right, and its pines leaning out over the mist
    rock = [(980, H + 30), (1030, 820), (1100, 760), (1190, 715), (1280, 690), (1380, 650),
            (1480, 635), (1560, 600), (W + 30, 590), (W + 30, H + 30)]
    rock = wobble(rock, rng, 3.0, 6, freq=0.03)
    p.knock(rock)
    with clipped(ink, rock, solid=True) as c:
        # carved strata and cracks, lit from the left
        for k in range(26):
            y0 = 610 + k * 12
            x = rng.uniform(1000, 1200)
            while x < W:
                L = rng.uniform(40, 160)
                if rng.random() < 0.5:
                    ya = y0 - (x - 1000) * 0.25
                    yb = y0 - (x + L - 1000) * 0.25 + rng.uniform(-3, 3)
                    c.blade((x, ya), (x + L, yb), rng.uniform(1.0, 2.6), rng, cut=True,
                            taper=(0.3, 0.5))
                x += L + rng.uniform(10, 60)
    pine(ink, rng, 1250, 702, 300, lean=-0.55, pads=7)
    pine(ink, rng, 1420, 660, 220, lean=-0.25, pads=5)
    return p.render()


GREY_PAPER = hexc("#D9D4C7")
GREY_INK = hexc("#3A3733")
GREY = hexc("#9A948A")
FAINT_OCHRE = hexc("#BFA677")


def draw_famine():
    """1960: bare trees stripped of their bark, empty fields, people on the road. Grey."""
    p = Print(1960, GREY_PAPER, [("ochre", FAINT_OCHRE, (1, 0), 1), ("grey", GREY, (-1, 1), 2),
                                 ("ink", GREY_INK, (0, 0), -1)])
    rng = p.rng
    ink, grey, och = p["ink"], p["grey"], p["ochre"]
    hy = 600
    g = Ground(hy, 700, 3600)
    horizon = ridge_line(rng, -20, W + 20, hy, 1.0, 300)
    sun = (250, 540, 20)
    # a low, pale sun in a grey haze
    och.disc(sun[:2], sun[2])
    sky_lines(grey, rng, 330, hy + 2, gap_bot=8, gap_top=15, w_bot=3.2, w_top=0.0, jitter=0.7,
              clouds=[(900, 440, 520, 26, 2.0), (300, 480, 300, 18, 1.2)], wmin=0.8,
              avoid=[(sun[0], sun[1], sun[2] - 4)])
    sky_lines(ink, rng, 380, hy - 10, gap_bot=12, gap_top=18, w_bot=0.3, w_top=0.0, jitter=0.7,
              clouds=[(1100, 455, 380, 8, 1.6), (520, 520, 300, 7, 1.2)], wmin=0.6)
    # the plain: bare earth, a few grey furrows, nothing growing
    p.knock([(-20, hy + 1), (W + 20, hy + 1), (W + 20, H + 20), (-20, H + 20)])
    plots = field_layout(rng, g, 9, 3000, [("bare", 5), ("grey", 2)], width=(30, 80))
    styles = {"bare": (None, "x", dict(spacing=0.6, ratio=0.18, breaks=0.55, fade=0.45, min_px=5)),
              "grey": ("grey", "x", dict(spacing=0.6, ratio=0.14, breaks=0.6, fade=0.45, min_px=6))}
    draw_fields(p, rng, g, plots, styles, bank=2.0)
    distant_trees(ink, rng, horizon, -10, W + 10, 2, 7, gaps=0.7, poplars=0.3)
    # far off, a village with bare trees; two low mounds at the field's edge
    for x in range(1150, 1420, 14):
        bare_tree(ink, rng, x + rng.uniform(-5, 5), hy + 2, rng.uniform(20, 34), spread=0.8,
                  depth=3, twig=0.2)
    for (x, w) in ((1180, 34), (1260, 40), (1350, 30)):
        house(p, rng, x, hy + 5, w, w * 0.3, w * 0.2, gable="right", windows=False, door=False,
              wall="grey", shade=False)
    for (X, Z, r) in ((-30, 160, 2.2), (-26, 175, 1.8)):
        x, y = g.p(X, Z)
        rr = r * g.s(Z)
        mound = [(x - rr, y), (x + rr, y)] + [(x + rr * math.cos(a), y - rr * 0.55 * math.sin(a))
                                             for a in [i * math.pi / 10 for i in range(11)]]
        grey.fill(wobble(mound, rng, 0.3, 2))
    # the road: from the lower right toward the horizon on the left
    zs = [9 * 1.06 ** i for i in range(90) if 9 * 1.06 ** i < 1200]
    mid = [(9 - 0.33 * z + 4 * math.sin(z / 40.0), z) for z in zs]
    left = [g.p(X - 1.4, z) for X, z in mid]
    right = [g.p(X + 1.4, z) for X, z in mid]
    road = wobble(left + right[::-1], rng, 0.6, 5)
    p.knock(road)
    for k in range(len(zs) - 1):
        for side in (0.2, 0.8):
            if rng.random() < 0.45:
                a = g.p(mid[k][0] - 1.4 + 2.8 * side, zs[k])
                b = g.p(mid[k + 1][0] - 1.4 + 2.8 * side, zs[k + 1])
                grey.blade(a, b, 1.6 * 12 / zs[k] + 0.4, rng, taper=(0.3, 0.3))
    # the stripped trees along the road
    for (X, Z, hgt) in ((13.5, 23, 9.0), (13.0, 42, 11), (4.5, 66, 10), (13.5, 108, 11)):
        x, y = g.p(X + 9 - 0.33 * Z + 4 * math.sin(Z / 40.0) - 9, Z)
        s_ = g.s(Z)
        bare_tree(ink, rng, x, y, hgt * s_, spread=0.95, depth=6, trunk_w=0.6 * s_,
                  stripped=0.17, twig=0.9, lean=rng.uniform(-0.06, 0.06))
    # a line of people walking away along the road, small, with bundles and poles
    for i, z in enumerate([31, 34, 38, 43, 49, 57, 67, 79]):
        X = 9 - 0.33 * z + 4 * math.sin(z / 40.0) + rng.uniform(-0.5, 0.5)
        x, y = g.p(X, z)
        pose = ("bundle", "walk", "carry", "bundle", "walk", "bundle", "walk", "carry")[i]
        figure(ink, rng, x, y, rng.uniform(1.2, 1.65) * g.s(z), pose, facing=-1,
               kerchief=i % 3 == 1, child=(i == 4))
    # dry weeds at the edge of the print
    for i in range(70):
        x = rng.uniform(-20, W + 20)
        if 980 < x < 1300:
            continue
        y = H + 4 - rng.uniform(0, 10)
        L = rng.uniform(14, 46)
        a = -math.pi / 2 + rng.uniform(-0.5, 0.5)
        ink.blade((x, y), (x + math.cos(a) * L, y + math.sin(a) * L), rng.uniform(1.0, 2.0), rng,
                  taper=(0, 0.7), bend=rng.uniform(-0.15, 0.15))
    return p.render()


RETREAT_PAPER = hexc("#E3DCCB")
RETREAT_INK = hexc("#36332D")
EARTH_GREY = hexc("#A39985")


def shoots(pl, rng, g, X0, X1, Z0, Z1, spacing=0.35, height=0.12, step=0.16, min_px=2.0):
    """Rows of seedlings: small paired leaves, scaled by distance."""
    X = X0 + spacing * 0.5
    while X < X1:
        z = Z0
        while z < Z1:
            s_ = g.s(z)
            L = height * s_
            if L < min_px:
                break
            x, y = g.p(X + rng.uniform(-0.02, 0.02), z)
            for sgn in (-1, 1):
                a = -math.pi / 2 + sgn * rng.uniform(0.35, 0.8)
                ll = L * rng.uniform(0.6, 1.0)
                pl.blade((x, y), (x + math.cos(a) * ll, y + math.sin(a) * ll), max(0.9, ll * 0.35),
                         rng, taper=(0.1, 0.6), bend=sgn * 0.15)
            z += step * rng.uniform(0.7, 1.3) * (1 + (z - Z0) * 0.05)
        X += spacing


def draw_retreat():
    """Spring 1962: the private plots given back; people hoe small patches; a thin green returns."""
    p = Print(1962, RETREAT_PAPER, [("grey", EARTH_GREY, (1, 1), 2), ("green", GREEN, (-1, 1), 2),
                                    ("ink", RETREAT_INK, (0, 0), -1)])
    rng = p.rng
    ink, grey, grn = p["ink"], p["grey"], p["green"]
    hy = 540
    g = Ground(hy, 760, 5600)
    horizon = ridge_line(rng, -20, W + 20, hy, 1.0, 300)
    light = (-1.0, -0.7)
    # a pale spring sky
    sky_lines(grey, rng, 380, hy + 2, gap_bot=8, gap_top=14, w_bot=1.6, w_top=0.0, jitter=0.6,
              wmin=0.7, clouds=[(1150, 430, 420, 14, 1.8), (400, 470, 360, 12, 1.3)])
    sky_lines(ink, rng, 360, hy - 10, gap_bot=14, gap_top=18, w_bot=0.2, w_top=0.0, jitter=0.7,
              clouds=[(1200, 420, 300, 6, 1.5), (300, 455, 260, 6, 1.2)], wmin=0.6)
    p.knock([(-20, hy + 1), (W + 20, hy + 1), (W + 20, H + 20), (-20, H + 20)])
    # distant collective fields, bare and grey, a faint green on a few
    plots = field_layout(rng, g, 60, 3000, [("bare", 5), ("faint", 1)], width=(30, 80))
    styles = {"bare": ("grey", "x", dict(spacing=0.6, ratio=0.2, breaks=0.5, fade=0.4, min_px=5)),
              "faint": ("green", "x", dict(spacing=0.6, ratio=0.15, breaks=0.6, fade=0.4, min_px=6))}
    draw_fields(p, rng, g, plots, styles, bank=2.0)
    distant_trees(ink, rng, horizon, -10, W + 10, 2, 8, gaps=0.6, poplars=0.3)
    # the village: houses and bare trees just budding, a mud wall
    vz = 62
    vy = g.p(0, vz)[1]
    for x in range(-10, W + 20, 85):
        xx = x + rng.uniform(-30, 30)
        bare_tree(ink, rng, xx, vy + 2, g.s(vz) * rng.uniform(7, 10), spread=0.9, depth=5,
                  trunk_w=g.s(vz) * 0.35, twig=0.6)
    for x in (200, 600, 1000, 1380):
        bare_poplar(ink, rng, x + rng.uniform(-30, 30), vy + 2, g.s(vz) * rng.uniform(14, 18))
    for row, dz in ((0, 8), (1, 0)):
        x = -30 + row * rng.uniform(40, 120)
        zz = vz + dz
        yy = g.p(0, zz)[1]
        while x < W:
            hw = g.s(zz) * rng.uniform(5.5, 10)
            hh = g.s(zz) * rng.uniform(2.5, 3.2)
            house(p, rng, x, yy + 6 + rng.uniform(-2, 4), hw, hh, hh * rng.uniform(0.5, 0.7),
                  gable="left" if rng.random() < 0.5 else "right", wall="grey",
                  thatch=rng.random() < 0.5, windows=hw > 60)
            x += hw * rng.uniform(1.3, 2.2) + rng.uniform(10, 90)
    wall = wobble([(-20, vy + 26), (W + 20, vy + 26), (W + 20, vy + 12), (-20, vy + 12)], rng, 0.8, 5)
    p.knock(wall)
    grey.fill(wall)
    ink.blade((-20, vy + 12), (W + 20, vy + 12), 3.0, rng, taper=(0, 0))
    with clipped(ink, wall) as c:
        sky_lines(c, rng, vy + 12, vy + 26, gap_bot=4, gap_top=4, w_bot=1.2, w_top=1.2,
                  jitter=0.8, wmin=0.7)
    # a willow in first leaf by the wall, sparse
    spring_willow(p, rng, 1230, vy + 20, 300, 280, light, sparse=0.5)
    # the private plots: small, uneven patches between paths, some sown, some being dug
    X = -32.0
    col = 0
    while X < 32:
        w = rng.uniform(3.5, 9.0)
        z = 11.0 + rng.uniform(0, 2.5)
        while z < 50:
            d = rng.uniform(4.0, 10.0) * (1 + (z - 11) / 40)
            kind = rng.choices(["sown", "dug", "bare", "weeds"], [3, 2, 2, 1])[0]
            bl, br = rng.uniform(0.25, 1.1), rng.uniform(0.25, 1.1)
            bn, bf = rng.uniform(0.2, 0.6), rng.uniform(0.2, 0.9)
            poly = wobble(g.quad(X + bl, X + w - br, z + bn, z + d - bf), rng, 1.0, 5)
            grey.fill(poly)
            with clipped(ink, poly) as c:
                if kind == "dug":
                    furrows_x(c, rng, g, X, X + w, z, z + d, spacing=0.3, ratio=0.5, breaks=0.15,
                              fade=0.3)
                elif kind == "bare":
                    furrows_x(c, rng, g, X, X + w, z, z + d, spacing=0.45, ratio=0.2, breaks=0.5,
                              fade=0.3)
                elif kind == "sown":
                    furrows_z(c, rng, g, X, X + w, z, z + d, spacing=0.45, width=0.05, breaks=0.3,
                              fade=0.3)
                else:
                    row_tufts(c, rng, g, X, X + w, z, z + d, spacing=1.1, height=0.2, step=0.9,
                              min_px=3)
            if kind == "sown":
                with clipped(grn, poly) as c:
                    shoots(c, rng, g, X, X + w, z, z + d, spacing=0.5, step=0.26)
            z += d
        X += w
        col += 1
    # people at work on the plots
    for (X, Z, pose, f) in ((-6.5, 15.5, "hoe", 1), (2.5, 21.0, "hoe", -1), (-1.2, 22.0, "stand", 1),
                            (9.0, 28.5, "hoe", -1), (-13.0, 30.0, "bundle", 1)):
        x, y = g.p(X, Z)
        figure(ink, rng, x, y, 1.62 * g.s(Z) * (0.7 if pose == "stand" else 1.0), pose, facing=f,
               kerchief=True, child=(pose == "stand"))
    # a basket at the plot's edge
    bx, by = g.p(-4.2, 14.2)
    sc = g.s(14.2)
    ink.fill(wobble([(bx - sc * 0.3, by - sc * 0.35), (bx + sc * 0.3, by - sc * 0.35),
                     (bx + sc * 0.22, by), (bx - sc * 0.22, by)], rng, 0.5, 3))
    ink.blade((bx - sc * 0.28, by - sc * 0.35), (bx + sc * 0.28, by - sc * 0.35), sc * 0.05, rng,
              cut=True, bend=0.4)
    crop_band(ink, rng, H - 10, H, leaf=14, light=light, cuts=0.6)
    return p.render()


def draw_epilogue():
    """Years later: the same village in a low evening sun; the poplar without its loudspeaker."""
    p = Print(1979, PAPER, [("ochre", OCHRE, (2, 1), 2), ("red", VERMILION, (-1, 2), 1),
                            ("green", GREEN, (1, -1), 2), ("ink", INK, (0, 0), -1)])
    rng = p.rng
    ink, och, red = p["ink"], p["ochre"], p["red"]
    hy = 600
    g = Ground(hy, 820, 5000)
    sun = (1030, hy - 6, 36)
    horizon = ridge_line(rng, -20, W + 20, hy, 1.2, 300)
    light = (-1.0, -0.3)  # the sun is low in the west, left of the poplar, right of the village
    # the evening: a wide warm glow, a few long clouds
    sky_lines(och, rng, 400, hy + 4, gap_bot=6, gap_top=13, w_bot=6.0, w_top=0.0, jitter=0.45,
              clouds=[(sun[0], hy - 30, 600, 70, 2.6)], avoid=[(sun[0], sun[1], sun[2] + 9)])
    sun_rings(och, rng, sun[0], sun[1], sun[2] + 20, 3, 14, 3.2)
    sky_lines(ink, rng, 330, hy - 8, gap_bot=10, gap_top=15, w_bot=0.4, w_top=0.0, jitter=0.7,
              clouds=[(600, 440, 460, 12, 3.0), (1300, 470, 360, 10, 2.4), (250, 400, 300, 8, 1.8),
                      (1000, 395, 300, 8, 1.6)],
              avoid=[(sun[0], sun[1], sun[2] + 80)])
    red.disc(sun[:2], sun[2])
    # the plain: ripening wheat, green maize, a few strips turned over
    p.knock([(-20, hy + 1), (W + 20, hy + 1), (W + 20, H + 20), (-20, H + 20)])
    plots = [(-60.0, 60.0, 10.0, 15.5, "wheat")]
    plots += field_layout(rng, g, 15.5, 4000, [("wheat", 5), ("green", 3)], width=(20, 60))
    styles = {"wheat": ("ochre", "z", dict(spacing=0.28, width=0.08, breaks=0.15, fade=0.5)),
              "green": ("green", "z", dict(spacing=0.35, width=0.1, breaks=0.12, fade=0.5))}
    draw_fields(p, rng, g, plots, styles, bank=3.0)
    row_tufts(ink, rng, g, -30, 30, 10.0, 24.0, spacing=0.28, height=0.14, step=0.26, min_px=4)
    distant_trees(ink, rng, horizon, -10, W + 10, 4, 12, gaps=0.55, poplars=0.2)
    # the road home
    zs = [10 * 1.07 ** i for i in range(60) if 10 * 1.07 ** i < 100]
    mid = [(-6 + 6 * math.sin(z / 22.0) - 0.05 * z, z) for z in zs]
    left = [g.p(X - 1.0, z) for X, z in mid]
    right = [g.p(X + 1.0, z) for X, z in mid]
    road = wobble(left + right[::-1], rng, 0.7, 5)
    p.knock(road)
    for k in range(len(zs) - 1):
        if rng.random() < 0.6:
            a = g.p(mid[k][0] + 0.8, zs[k])
            b = g.p(mid[k + 1][0] + 0.8, zs[k + 1])
            ink.blade(a, b, 1.6 * 12 / zs[k] + 0.4, rng, taper=(0.3, 0.3))
    # the village in its trees, as it was, a little larger
    village(p, rng, g, 95, 40, 860, light=(1.0, -0.4), thatch=0.15, poplars=6)
    # three low graves in the far field, nothing more
    for (X, Z, r) in ((48, 150, 1.6), (51, 156, 1.3), (54, 149, 1.4)):
        x, y = g.p(X, Z)
        rr = r * g.s(Z)
        mound = [(x - rr, y), (x + rr, y)] + [(x + rr * math.cos(a), y - rr * 0.6 * math.sin(a))
                                             for a in [i * math.pi / 10 for i in range(11)]]
        p.knock(mound)
        ink.fill(wobble(mound, rng, 0.3, 2))
    # the old poplar at the threshing floor, no loudspeaker now
    tz = 50
    tx, ty = 1330, g.p(0, tz)[1]
    poplar(ink, rng, tx, ty + 8, 540, 150, crown=(0.36, 1.0), light=light)
    # someone walking a bicycle home along the road, small
    k = 26
    x, y = g.p(mid[k][0], zs[k])
    sc = g.s(zs[k])
    figure(ink, rng, x, y, 1.65 * sc, "walk", facing=-1)
    r = 0.33 * sc
    for wx in (x - 1.0 * sc, x - 0.05 * sc):
        ink.fill(circle_pts(wx, y - r, r, 20))
        ink.fill(circle_pts(wx, y - r, r - max(1.0, 0.05 * sc), 20), cut=True)
    bx0, bx1 = x - 1.0 * sc, x - 0.05 * sc
    for (a, b) in (((bx0, y - r), (bx0 + 0.4 * sc, y - 0.75 * sc)),
                   ((bx0 + 0.4 * sc, y - 0.75 * sc), (bx1 - 0.05 * sc, y - 0.8 * sc)),
                   ((bx1, y - r), (bx1 - 0.08 * sc, y - 0.9 * sc)),
                   ((bx0 + 0.4 * sc, y - 0.75 * sc), (bx0 + 0.45 * sc, y - r))):
        ink.blade(a, b, max(1.0, 0.04 * sc), None, taper=(0, 0))
    crop_band(ink, rng, H - 22, H, leaf=26, ears=0.18, light=light)
    return p.render()


PICTURES = [
    ("title.png", draw_title),
    ("act_prologue.png", draw_prologue),
    ("act_commune.png", draw_commune),
    ("act_steel.png", draw_steel),
    ("act_harvest.png", draw_harvest),
    ("act_lushan.png", draw_lushan),
    ("act_famine.png", draw_famine),
    ("act_retreat.png", draw_retreat),
    ("epilogue.png", draw_epilogue),
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
