import csv, io, os, sys, math
from lib import *

S = {}  # name -> (alt, elements)
ORDER = []


def sym(name, alt):
    def deco(fn):
        S[name] = (alt, fn)
        ORDER.append(name)
        return fn
    return deco


# ---------------------------------------------------------------- faces
FACE_MOUTHS = {
    'very_happy': lambda: path('M29 56 H71 Q71 80 50 80 Q29 80 29 56 Z', K, K, SW),
    'happy': lambda: path('M31 60 Q50 78 69 60', 'none', K, 7),
    'neutral': lambda: line(32, 66, 68, 66, K, 7),
    'sad': lambda: path('M31 72 Q50 56 69 72', 'none', K, 7),
    'very_sad': lambda: path('M29 78 Q29 58 50 58 Q71 58 71 78 Z', K, K, SW),
}


def face(colour, mouth):
    return [circle(50, 50, 41, colour), dot(36, 40, 5.5), dot(64, 40, 5.5), FACE_MOUTHS[mouth]()]


# ---------------------------------------------------------------- questions
@sym('positive', 'A smiling person with a thumbs up beside a service building: good experiences')
def _():
    return [
        civic(68, 90, 44),
        limb([(38, 80), (50, 66), (50, 48)], PURPLE, 9, 5),
        bust(28, 50, 14, SKIN_M, PURPLE, 91, 40, 'smile'),
        thumbs_up(52, 38, 20, SKIN_M),
    ]


@sym('change', 'Two arrows going round in a circle: change')
def _():
    a = arc_pts(50, 50, 32, 200, 345, 30)
    b = arc_pts(50, 50, 32, 20, 165, 30)
    return [arrow(a, BLUE, 12, 20, 34), arrow(b, BLUE, 12, 20, 34)]


@sym('barriers', 'A person facing a brick wall: barriers')
def _():
    out = [box(56, 12, 88, 90, RED)]
    for y in (28, 44, 60, 76):
        out.append(line(56, y, 88, y, K, 4))
    rows = [(12, 28), (28, 44), (44, 60), (60, 76), (76, 90)]
    for i, (y0, y1) in enumerate(rows):
        xs = (72,) if i % 2 == 0 else (64, 80)
        for x in xs:
            out.append(line(x, y0, x, y1, K, 4))
    out.append(box(56, 12, 88, 90, 'none'))
    out += bust(28, 40, 13, SKIN_L, PURPLE, 91, 40)
    return out


@sym('involve', 'People with one putting a hand up to join in: getting involved')
def _():
    out = []
    out += bust(22, 48, 10, SKIN_D, BLUE, 91, 26)
    out += bust(78, 48, 10, SKIN_L, GREEN, 91, 26)
    out += limb([(56, 78), (64, 56), (64, 34)], PURPLE, 10, 5)
    out += bust(46, 46, 14, SKIN_M, PURPLE, 91, 42)
    out += palm(64, 26, 0.36, SKIN_M)
    return out


# ---------------------------------------------------------------- mat columns
@sym('good', 'A green smiling face: good')
def _():
    return face(GREEN, 'very_happy')


@sym('not_sure', 'An amber face with a wavy mouth: not sure')
def _():
    return [circle(50, 50, 41, AMBER), dot(36, 40, 5.5), dot(64, 40, 5.5),
            path('M30 66 Q37 58 44 66 Q50 74 56 66 Q63 58 70 66', 'none', K, 7)]


@sym('bad', 'A red sad face: bad')
def _():
    return face(RED, 'very_sad')


# ---------------------------------------------------------------- services
@sym('gp', 'A doctor with a stethoscope: the GP')
def _():
    return [
        path(body_d(50, 46, 66, 91, 18), WHITE),
        polygon([(40, 47), (50, 64), (60, 47)], BLUE, K, 5),
        circle(50, 28, 15, SKIN_M),
        path('M37 50 Q34 74 50 74 Q66 74 63 50', 'none', K, 5),
        line(50, 74, 50, 80, K, 5), circle(50, 82, 5, MGREY, K, 4),
        line(28, 62, 28, 91, K, 4), line(72, 62, 72, 91, K, 4),
    ]


@sym('hospital', 'A hospital building with a red cross')
def _():
    out = [box(10, 38, 90, 90, GREY)]
    for x in (18, 66):
        for y in (48, 66):
            out.append(box(x, y, x + 14, y + 10, BLUE, 0, K, 4))
    out.append(box(40, 64, 60, 90, BLUE))
    out.append(box(30, 9, 70, 49, WHITE, 6))
    out.append(polygon([(44, 15), (56, 15), (56, 23), (64, 23), (64, 35), (56, 35), (56, 43), (44, 43),
                        (44, 35), (36, 35), (36, 23), (44, 23)], RED, K, 4))
    return out


@sym('mental_health', 'A head with a heart inside: mental health')
def _():
    d = ('M34 91 V74 Q16 64 16 42 Q16 12 48 11 Q78 11 81 38 L89 55 Q91 60 85 60 H81 V70 '
         'Q81 78 72 78 H62 V91 Z')
    return [path(d, SKIN_L), heart(48, 42, 34)]


@sym('housing', 'A house: housing')
def _():
    return [box(20, 46, 80, 90, GREY),
            polygon([(10, 50), (50, 14), (90, 50)], BLUE),
            box(43, 62, 57, 90, AMBER),
            box(26, 56, 38, 68, WHITE, 0, K, 4), box(62, 56, 74, 68, WHITE, 0, K, 4)]


@sym('money', 'A bank note and a pile of coins: money')
def _():
    out = [box(9, 16, 71, 56, LGREEN, 4), ellipse(40, 36, 11, 12, WHITE, K, 5),
           dot(20, 26, 3.5), dot(60, 46, 3.5)]
    for i, y in enumerate((84, 76, 68, 60)):
        out.append(ellipse(66, y, 23, 8, AMBER))
    out.append(ellipse(30, 72, 18, 18, AMBER))
    out.append(circle(30, 72, 10, 'none', K, 4))
    return out


@sym('job_centre', 'A briefcase: the job centre and work')
def _():
    return [path('M38 32 V24 Q38 18 44 18 H56 Q62 18 62 24 V32', 'none', K, 6),
            box(10, 30, 90, 84, BLUE, 7),
            line(10, 52, 90, 52),
            box(43, 46, 57, 60, AMBER, 2, K, 5)]


@sym('police', 'A police officer in a peaked cap: the police')
def _():
    out = [path(body_d(50, 60, 66, 91, 18), BLUE),
           polygon([(42, 61), (50, 72), (58, 61)], WHITE, K, 4),
           circle(50, 44, 15, SKIN_D),
           path('M26 30 Q26 10 50 10 Q74 10 74 30 Z', BLUE),
           box(26, 28, 74, 36, WHITE, 0, K, 4)]
    for x in (32, 44, 56):
        out.append(rect(x, 28, 6, 8, K, 0, None))
    out.append(path('M30 36 Q50 44 70 36', 'none', K, 6))
    star = [(50 + (6 if i % 2 == 0 else 2.6) * math.sin(math.radians(36 * i)),
             21 - (6 if i % 2 == 0 else 2.6) * math.cos(math.radians(36 * i))) for i in range(10)]
    out.append(polygon(star, AMBER, K, 2.5))
    out.append(polygon([(34, 70), (44, 70), (44, 80), (39, 84), (34, 80)], AMBER, K, 4))
    return out


@sym('drugs_alcohol', 'A bottle and a pill: drugs and alcohol support')
def _():
    bottle = 'M16 90 H46 V50 Q46 40 38 34 V16 H24 V34 Q16 40 16 50 Z'
    return [path(bottle, GREEN), box(22, 10, 40, 17, MGREY, 2, K, 5),
            box(16, 56, 46, 76, WHITE, 0, K, 5),
            line(56, 82, 82, 56, K, 24),
            line(56, 82, 69, 69, RED, 13), line(69, 69, 82, 56, WHITE, 13),
            line(63, 63, 75, 75, K, 4)]


@sym('food_bank', 'A bag full of food: the food bank')
def _():
    out = []
    out += limb([(30, 58), (40, 16)], AMBER, 12, 5)
    out += [box(44, 22, 62, 58, BLUE, 2), polygon([(44, 22), (53, 13), (62, 22)], WHITE, K, 5)]
    out += [circle(70, 44, 12, LGREEN), path('M70 32 Q72 24 78 22', 'none', K, 5)]
    out.append(path('M16 46 H84 L79.6 87 Q79 91 75 91 H25 Q21 91 20.4 87 Z', GREY))
    out.append(line(30, 62, 70, 62, K, 4))
    return out


@sym('social_care', 'A hand holding up a person: social care')
def _():
    hand = 'M20 62 H40 Q52 62 60 68 H82 Q90 68 90 75 Q90 82 82 82 H70 Q62 90 48 90 H20 Z'
    out = [box(9, 58, 22, 92, BLUE, 2)]
    out += bust(56, 26, 12, SKIN_L, PURPLE, 64, 40)
    out += [path(hand, SKIN_M), line(70, 75, 88, 75, K, 4),
            path('M30 62 Q34 50 46 52 Q54 54 52 62', SKIN_M, K, 6)]
    return out


@sym('community_groups', 'A group of three people: community groups')
def _():
    return [bust(26, 36, 11, SKIN_D, GREEN, 91, 34),
            bust(74, 36, 11, SKIN_L, BLUE, 91, 34),
            bust(50, 46, 13, SKIN_M, PURPLE, 91, 40)]


@sym('probation', 'A person with an appointment calendar: probation')
def _():
    out = [box(40, 14, 90, 72, WHITE, 4), box(40, 14, 90, 30, BLUE, 4)]
    out += [line(52, 9, 52, 19), line(78, 9, 78, 19)]
    for x in (51, 65, 79):
        for y in (42, 58):
            out.append(box(x - 4, y - 4, x + 4, y + 4, GREY, 0, K, 3))
    out.append(circle(79, 58, 9, 'none', GREEN, 5))
    out += bust(28, 54, 12, SKIN_M, PURPLE, 91, 38)
    return out


# ---------------------------------------------------------------- change
@sym('listened', 'An ear with sound waves going into it: being listened to')
def _():
    ear = ('M46 80 Q46 90 56 90 Q66 90 68 80 Q70 70 78 62 Q88 52 88 36 Q88 12 64 12 '
           'Q40 12 40 36')
    return [path(ear + ' Q40 42 46 48 Q52 54 52 62 Q50 72 46 80 Z', SKIN_L),
            path('M54 38 Q54 28 64 28 Q74 28 74 38 Q74 46 66 50 Q60 54 62 62', 'none', K, 5),
            path('M27 38 Q33 48 27 58', 'none', BLUE, 6),
            path('M15 28 Q27 48 15 68', 'none', BLUE, 6)]


@sym('trusted_person', 'A helper with an arm round a person, and a heart: one person I can trust')
def _():
    out = []
    out += bust(66, 42, 12, SKIN_D, BLUE, 91, 36)
    out += limb([(60, 70), (30, 62), (20, 62)], BLUE, 9, 5)
    out += bust(36, 46, 12, SKIN_L, PURPLE, 91, 36)
    out.append(circle(21, 63, 6.5, SKIN_D, K, 5))
    out.append(heart(51, 19, 24))
    return out


@sym('shorter_waits', 'A clock and an arrow going down: shorter waits')
def _():
    return [clock(40, 50, 30, WHITE, (0, -0.62), (0.45, 0.0)),
            arrow([(78, 16), (78, 88)], GREEN, 11, 18, 28)]


@sym('clear_letters', 'A letter with a green tick: clear letters')
def _():
    return [envelope(9, 22, 75, 72), circle(70, 70, 20, GREEN),
            polyline(tick_pts(70, 70, 24), WHITE, 6)]


@sym('form_help', 'A form, a pen and a helper: help with forms')
def _():
    out = [box(10, 10, 56, 84, WHITE, 3)]
    for y in (24, 40, 56):
        out.append(box(17, y - 4, 25, y + 4, WHITE, 0, K, 3))
        out.append(line(31, y, 48, y, MGREY, 4))
    out.append(polyline([(17, 71), (28, 71)], K, 3))
    out += bust(74, 48, 11, SKIN_M, BLUE, 91, 32)
    out += limb([(62, 76), (46, 66)], BLUE, 8, 4)
    # pen
    out += limb([(44, 58), (26, 76)], AMBER, 8, 4)
    out.append(polygon([(23, 79), (19, 83), (21, 77)], K, K, 4))
    return out


@sym('kinder_staff', 'A smiling member of staff with a heart: kinder staff')
def _():
    return [bust(50, 32, 18, SKIN_L, BLUE, 91, 66, 'smile'), heart(50, 74, 20)]


@sym('help_nearby', 'A map pin next to a house: help near me')
def _():
    pin = 'M64 88 Q40 60 40 40 A24 24 0 0 1 88 40 Q88 60 64 88 Z'
    return [line(9, 90, 91, 90, K, 6), house(28, 88, 34),
            path(pin, BLUE), circle(64, 38, 9, WHITE, K, 5)]


@sym('opening_times', 'A door and a clock: opening times')
def _():
    return [box(12, 28, 56, 90, GREY), box(20, 36, 48, 90, BLUE), dot(42, 64, 3.5, WHITE),
            line(9, 90, 91, 90),
            clock(68, 32, 22, WHITE, (0, -0.6), (0.45, 0.1))]


# ---------------------------------------------------------------- barriers
@sym('transport', 'A bus: travel and transport')
def _():
    return [box(20, 74, 32, 90, K, 3, K, 4), box(68, 74, 80, 90, K, 3, K, 4),
            box(16, 12, 84, 80, BLUE, 9),
            box(22, 20, 78, 50, WHITE, 4),
            circle(28, 66, 5, AMBER, K, 4), circle(72, 66, 5, AMBER, K, 4),
            line(40, 66, 60, 66, K, 4),
            box(9, 24, 13, 36, K, 1, K, 3), box(87, 24, 91, 36, K, 1, K, 3)]


@sym('reading', 'A letter with a question mark: reading letters and forms')
def _():
    out = [box(14, 9, 62, 80, WHITE, 3)]
    for y, w in ((22, 32), (34, 32), (46, 26), (58, 20)):
        out.append(line(22, y, 22 + w, y, MGREY, 5))
    out.append(circle(68, 68, 22, AMBER))
    out += qmark(68, 66, 28, K, 6)
    return out


@sym('digital', 'A mobile phone with a wifi signal: phones and internet')
def _():
    out = [box(14, 26, 48, 90, K, 6, K, 4), box(19, 34, 43, 78, WHITE, 1, K, 2), dot(31, 84, 2.5, WHITE)]
    for r in (12, 24, 36):
        out.append(polyline(arc_pts(52, 48, r, -90, 0, 12), BLUE, 7))
    out.append(dot(52, 48, 5, BLUE))
    return out


@sym('not_believed', 'A person speaking, with the speech bubble crossed out: not being believed')
def _():
    return [bust(28, 52, 13, SKIN_M, PURPLE, 91, 40),
            bubble(42, 10, 88, 46, (40, 58), WHITE, 10),
            dot(53, 28, 3.5), dot(65, 28, 3.5), dot(77, 28, 3.5),
            circle(76, 66, 16, RED), cross_lines(76, 66, 7, WHITE, 6)]


@sym('waiting_lists', 'A queue of people and a clock: waiting lists')
def _():
    out = []
    for x, skin, shirt in ((76, SKIN_L, GREEN), (50, SKIN_D, BLUE), (24, SKIN_M, PURPLE)):
        out += bust(x, 58, 10, skin, shirt, 91, 28)
    out += clock(50, 24, 16, WHITE, (0, -0.6), (0.45, 0.1), 5)
    return out


@sym('childcare', 'An adult holding hands with a child: childcare')
def _():
    out = []
    out += figure(36, 9, 82, SKIN_M, PURPLE, MGREY,
                  arms=[[(-0.1, 0.32), (-0.17, 0.56)], [(0.1, 0.32), (0.23, 0.56)]], hands=False)
    out += figure(70, 40, 51, SKIN_L, AMBER, BLUE,
                  arms=[[(-0.1, 0.34), (-0.24, 0.4)], [(0.1, 0.34), (0.18, 0.56)]], hands=False)
    out.append(circle(36 - 0.17 * 82, 9 + 0.56 * 82, 5, SKIN_M, K, 4))
    out.append(circle(70 + 0.18 * 51, 40 + 0.56 * 51, 4, SKIN_L, K, 4))
    out.append(circle(56, 57, 5.5, SKIN_M, K, 4))
    return out


@sym('health', 'A heart with a plus: health')
def _():
    return [heart(50, 54, 84),
            polygon([(44, 30), (56, 30), (56, 42), (68, 42), (68, 54), (56, 54), (56, 66), (44, 66), (44, 54),
                      (32, 54), (32, 42), (44, 42)], WHITE, K, 4)]


@sym('unsafe', 'A worried person and a warning sign: feeling unsafe')
def _():
    return [bust(30, 42, 15, SKIN_L, PURPLE, 91, 44, 'worried'),
            polygon([(72, 44), (92, 82), (52, 82)], AMBER),
            line(72, 56, 72, 68, K, 6), dot(72, 75, 3.5)]


@sym('language', 'Two speech bubbles with different writing: language and languages')
def _():
    return [bubble(9, 9, 60, 46, (20, 58), WHITE, 10),
            dot(22, 27.5, 3.5), dot(34.5, 27.5, 3.5), dot(47, 27.5, 3.5),
            path('M50 50 H81 A10 10 0 0 1 91 60 V74 A10 10 0 0 1 81 84 H72 L78 90 L60 84 H50 A10 10 0 0 1 40 74 V60 '
                 'A10 10 0 0 1 50 50 Z', AMBER),
            path('M49 67 Q54 59 59 67 Q64 75 69 67 Q74 59 79 67 Q82 72 84 68', 'none', K, 5)]


@sym('passed_around', 'Doors with arrows going round from one to the next: being passed around')
def _():
    out = []
    doors = [(50 + 29 * math.cos(math.radians(a)), 51 + 29 * math.sin(math.radians(a))) for a in (-90, 30, 150)]
    for a in (-90, 30, 150):
        out += arrow(arc_pts(50, 51, 29, a + 14, a + 96, 40), AMBER, 9, 17, 26)
    for x, y in doors:
        out.append(box(x - 10, y - 13, x + 10, y + 13, BLUE, 2))
        out.append(dot(x + 5, y + 1, 2.3, WHITE))
    return out


# ---------------------------------------------------------------- involve
@sym('informed', 'A letter arriving with an information sign: keep me informed')
def _():
    return [line(9, 34, 20, 34, MGREY, 5), line(12, 48, 20, 48, MGREY, 5), line(9, 62, 20, 62, MGREY, 5),
            envelope(26, 22, 86, 70),
            circle(70, 70, 20, BLUE), dot(70, 60, 3.8, WHITE), line(70, 68, 70, 80, WHITE, 6)]


@sym('consulted', 'A person giving their views in a speech bubble: ask my views')
def _():
    return [bust(30, 50, 14, SKIN_D, PURPLE, 91, 42),
            bubble(44, 10, 90, 46, (40, 56), WHITE, 10),
            line(54, 22, 80, 22, MGREY, 5), line(54, 34, 72, 34, MGREY, 5)]


@sym('meetings', 'Three people sitting at a table: come to meetings')
def _():
    out = []
    out += bust(24, 34, 10, SKIN_D, BLUE, 72, 28)
    out += bust(76, 34, 10, SKIN_L, GREEN, 72, 28)
    out += bust(50, 38, 12, SKIN_M, PURPLE, 72, 36)
    out.append(box(9, 66, 91, 78, AMBER, 3))
    out += [line(18, 78, 18, 91), line(82, 78, 82, 91)]
    return out


@sym('co_design', 'Two pencils drawing a plan together: help design services')
def _():
    out = [box(12, 10, 88, 68, BLUE, 3)]
    out += [polyline([(22, 20), (52, 20), (52, 40), (22, 40), (22, 20)], WHITE, 4),
            polyline([(52, 30), (78, 30), (78, 58), (22, 58), (22, 40)], WHITE, 4),
            line(38, 40, 38, 58, WHITE, 4)]
    out += pencil((22, 84), (40, 52), AMBER)
    out += pencil((78, 84), (60, 52), LGREEN)
    return out


@sym('co_produce', 'Two people level on a balance: sharing decisions as equal partners')
def _():
    out = [polygon([(50, 52), (36, 90), (64, 90)], GREY),
           line(10, 52, 90, 52, K, 8), dot(50, 52, 6)]
    for x, skin, shirt in ((26, SKIN_L, PURPLE), (74, SKIN_D, BLUE)):
        out += bust(x, 22, 11, skin, shirt, 48, 32)
    return out


@sym('not_now', 'Two bars in an amber circle, like a pause button: not right now')
def _():
    return [circle(50, 50, 41, AMBER), box(33, 28, 45, 72, WHITE, 3, K, 5), box(55, 28, 67, 72, WHITE, 3, K, 5)]


# ---------------------------------------------------------------- kiosk controls
@sym('start', 'A green play button: start')
def _():
    return [circle(50, 50, 41, GREEN), polygon([(40, 30), (70, 50), (40, 70)], WHITE, K, 5)]


@sym('next', 'An arrow pointing right: next')
def _():
    return [polygon([(12, 39), (54, 39), (54, 20), (88, 50), (54, 80), (54, 61), (12, 61)], BLUE)]


@sym('back', 'An arrow pointing left: back')
def _():
    return [polygon([(88, 39), (46, 39), (46, 20), (12, 50), (46, 80), (46, 61), (88, 61)], BLUE)]


@sym('skip', 'An arrow jumping over a box: skip this one')
def _():
    return [box(38, 62, 62, 88, GREY, 3), line(9, 88, 91, 88),
            arrow(bez_pts((16, 80), (16, 22), (78, 18), (82, 74), 28), BLUE, 10, 18, 28)]


@sym('stop', 'A red stop sign with a hand: stop')
def _():
    oct_ = [(50 + 43 * math.cos(math.radians(22.5 + 45 * i)), 50 + 43 * math.sin(math.radians(22.5 + 45 * i)))
            for i in range(8)]
    return [polygon(oct_, RED), palm(50, 51, 0.66, WHITE)]


@sym('speak', 'A loudspeaker with sound waves: listen again')
def _():
    out = [polygon([(12, 38), (28, 38), (48, 18), (48, 82), (28, 62), (12, 62)], BLUE)]
    for r in (14, 26, 38):
        out.append(polyline(arc_pts(50, 50, r, -40, 40, 12), K, 6))
    return out


@sym('yes', 'A green circle with a tick: yes')
def _():
    return [circle(50, 50, 41, GREEN), polyline(tick_pts(50, 52, 50), WHITE, 10)]


@sym('no', 'A red circle with a cross: no')
def _():
    return [circle(50, 50, 41, RED), cross_lines(50, 50, 16, WHITE, 10)]


@sym('tick', 'A green tick: chosen')
def _():
    return limb(tick_pts(50, 52, 72), GREEN, 14, 5)


@sym('welcome', 'A person waving hello: welcome')
def _():
    out = limb([(52, 76), (70, 52), (74, 28)], PURPLE, 10, 5)
    out += bust(42, 40, 15, SKIN_D, PURPLE, 91, 48, 'smile')
    out.append(circle(74, 22, 7.5, SKIN_D, K, 5))
    out += [path('M84 14 Q90 22 84 30', 'none', K, 4), path('M64 12 Q60 16 62 22', 'none', K, 4)]
    return out


@sym('anonymous', 'A person with no face and a padlock: your answers are anonymous')
def _():
    out = bust(36, 36, 17, GREY, GREY, 91, 52)
    out += [path('M56 60 V52 Q56 40 70 40 Q84 40 84 52 V60', 'none', K, 7),
            box(50, 58, 90, 90, BLUE, 5),
            dot(70, 70, 4.5), line(70, 72, 70, 80, K, 5)]
    return out


@sym('stop_any_time', 'The Stop sign with a green tick: you can stop at any time, and that is fine')
def _():
    oct_ = [(44 + 36 * math.cos(math.radians(22.5 + 45 * i)), 44 + 36 * math.sin(math.radians(22.5 + 45 * i)))
            for i in range(8)]
    return [polygon(oct_, RED), palm(44, 45, 0.55, WHITE), circle(72, 72, 19, GREEN),
            polyline(tick_pts(72, 72, 22), WHITE, 6)]


@sym('exit', 'A screen with the power sign on it: close the kiosk (staff)')
def _():
    out = [box(10, 12, 90, 70, MGREY, 5), box(17, 19, 83, 63, K, 2, None),
           box(42, 70, 58, 82, GREY, 0, K, 5), box(28, 82, 72, 90, GREY, 3, K, 5)]
    out.append(polyline(arc_pts(50, 42, 14, -55, 235, 24), WHITE, 6))
    out.append(line(50, 25, 50, 40, WHITE, 6))
    return out


@sym('review', 'A clipboard with ticks: check your answers')
def _():
    out = [box(16, 14, 84, 92, AMBER, 5), box(24, 24, 76, 84, WHITE, 2, K, 4),
           box(36, 8, 64, 22, GREY, 4, K, 5)]
    for y in (38, 54, 70):
        out.append(polyline(tick_pts(33, y, 14), GREEN, 5))
        out.append(line(44, y, 68, y, MGREY, 5))
    return out


@sym('thanks', 'Two hands holding a heart: thank you')
def _():
    left = 'M9 60 Q14 90 50 90 V74 Q34 74 26 62 Q18 52 9 60 Z'
    right = 'M91 60 Q86 90 50 90 V74 Q66 74 74 62 Q82 52 91 60 Z'
    return [heart(50, 42, 52), path(left, SKIN_M), path(right, SKIN_L)]


@sym('still_there', 'A person and a question in a speech bubble: are you still there?')
def _():
    return [bust(30, 50, 14, SKIN_L, PURPLE, 91, 42),
            bubble(46, 9, 90, 52, (40, 58), AMBER, 10),
            qmark(68, 28, 28, K, 6)]


for key, alt in (('very_happy', 'A very happy face'), ('happy', 'A happy face'),
                 ('neutral', 'A face that is neither happy nor sad'), ('sad', 'A sad face'),
                 ('very_sad', 'A very sad face')):
    colour = {'very_happy': GREEN, 'happy': LGREEN, 'neutral': AMBER, 'sad': ORANGE, 'very_sad': RED}[key]
    S['face_' + key] = (alt, (lambda c=colour, k=key: face(c, k)))
    ORDER.append('face_' + key)



# ================================================================ extended set
# Everything below was added for the core vocabulary: kiosk controls, then
# services, people, feelings, places, time, money, transport, health,
# housing, food, communication and actions.

# ---------------------------------------------------------------- kiosk controls
@sym('help', 'A red and white lifebuoy: help')
def _():
    out = [circle(50, 50, 40, RED)]
    for a in (45, 135, 225, 315):
        ps = arc_pts(50, 50, 40, a - 14, a + 14, 8) + arc_pts(50, 50, 19, a + 14, a - 14, 8)
        out.append(polygon(ps, WHITE, K, 4))
    out += [circle(50, 50, 40, 'none'), circle(50, 50, 19, WHITE)]
    return out


@sym('dont_want_to_answer', 'A person holding up a hand to a question: I do not want to answer')
def _():
    out = [bubble(50, 8, 91, 42, (58, 52), AMBER, 9)]
    out += qmark(70, 23, 24, K, 5.5)
    out += bust(30, 50, 14, SKIN_M, PURPLE, 91, 42)
    out += limb([(40, 84), (56, 76), (62, 70)], PURPLE, 9, 5)
    out += palm(66, 62, 0.42, SKIN_M)
    return out


@sym('record', 'A microphone with a red dot: record your voice')
def _():
    return [path('M22 46 Q22 72 44 72 Q66 72 66 46', 'none', K, 6),
            line(44, 72, 44, 86), line(30, 88, 58, 88),
            box(30, 10, 58, 60, GREY, 14),
            line(36, 26, 52, 26, K, 4), line(36, 36, 52, 36, K, 4),
            circle(74, 72, 17, RED), circle(74, 72, 7, WHITE, None)]


@sym('play', 'A triangle pointing right: play')
def _():
    return [polygon([(28, 14), (84, 50), (28, 86)], BLUE, K, 7)]


@sym('staff', 'A member of staff wearing a badge on a lanyard: staff')
def _():
    out = bust(50, 30, 17, SKIN_D, BLUE, 91, 64)
    out += [polyline([(38, 54), (50, 72), (62, 54)], AMBER, 5) ,
            box(39, 66, 61, 90, WHITE, 3, K, 5), box(44, 71, 52, 79, GREY, 0, K, 3),
            line(44, 84, 56, 84, MGREY, 4)]
    return out


@sym('choose_language', 'A globe and a speech bubble: choose your language')
def _():
    return [circle(38, 60, 29, BLUE),
            ellipse(38, 60, 12, 29, 'none', K, 4),
            line(9, 60, 67, 60, K, 4),
            path('M14 44 Q38 52 62 44', 'none', K, 4), path('M14 76 Q38 68 62 76', 'none', K, 4),
            bubble(52, 10, 90, 42, (62, 52), WHITE, 9),
            dot(62, 26, 3.5), dot(71, 26, 3.5), dot(80, 26, 3.5)]


@sym('thank_you', 'A smiling person saying something kind, with a heart: thank you')
def _():
    return [bust(30, 52, 14, SKIN_D, PURPLE, 91, 42, 'smile'),
            bubble(44, 9, 91, 50, (38, 58), WHITE, 10),
            heart(67.5, 29.5, 26)]


# ---------------------------------------------------------------- services
@sym('services', 'A public building with a person at the door: services')
def _():
    return civic(42, 90, 60) + bust(78, 62, 9, SKIN_M, BLUE, 91, 24)


TOOTH = ('M32 14 Q41 10 50 16 Q59 10 68 14 Q84 20 80 42 Q77 56 73 78 Q71 88 65 87 Q60 86 58 72 '
         'Q56 60 50 60 Q44 60 42 72 Q40 86 35 87 Q29 88 27 78 Q23 56 20 42 Q16 20 32 14 Z')


@sym('dentist', 'A tooth: the dentist')
def _():
    return [path(TOOTH, WHITE), path('M30 28 Q34 22 42 22', 'none', BLUE, 5)]


def plus_shape(cx, cy, s, arm):
    a, b = arm / 2, s / 2
    return [(cx - a, cy - b), (cx + a, cy - b), (cx + a, cy - a), (cx + b, cy - a), (cx + b, cy + a), (cx + a, cy + a),
            (cx + a, cy + b), (cx - a, cy + b), (cx - a, cy + a), (cx - b, cy + a), (cx - b, cy - a), (cx - a, cy - a)]


@sym('pharmacy', 'A green cross and a pill: the pharmacy')
def _():
    return [polygon(plus_shape(44, 44, 66, 24), GREEN),
            line(60, 82, 80, 62, K, 24), line(60, 82, 70, 72, RED, 13), line(70, 72, 80, 62, WHITE, 13),
            line(64, 66, 76, 78, K, 4)]


@sym('council', 'A town hall with a flag: the council')
def _():
    out = [line(50, 30, 50, 9, K, 5), polygon([(50, 9), (70, 14), (50, 20)], GREEN, K, 4)]
    out += civic(50, 90, 62)
    return out


@sym('library', 'Books on a shelf: the library')
def _():
    out = []
    for x0, x1, top, col in ((12, 26, 22, BLUE), (26, 42, 14, RED), (42, 54, 28, GREEN)):
        out.append(box(x0, top, x1, 84, col, 2))
        out.append(line(x0 + 3, top + 10, x1 - 3, top + 10, K, 4))
    out.append(rot_rect(70, 56, 15, 58, 18, AMBER))
    out.append(line(9, 86, 91, 86, K, 7))
    return out


@sym('school', 'A school building with a bell: school')
def _():
    return [box(12, 50, 88, 90, GREY), polygon([(8, 54), (50, 30), (92, 54)], BLUE),
            box(38, 16, 62, 36, GREY, 0), polygon([(34, 19), (50, 10), (66, 19)], BLUE, K, 5),
            path('M44 32 Q44 20 50 20 Q56 20 56 32 Z', AMBER, K, 4),
            box(42, 66, 58, 90, AMBER),
            box(18, 62, 32, 74, WHITE, 0, K, 4), box(68, 62, 82, 74, WHITE, 0, K, 4)]


@sym('social_worker', 'A member of staff with a folder, and a house: the social worker')
def _():
    out = house(76, 38, 26, GREY, BLUE, AMBER)
    out += bust(34, 40, 14, SKIN_L, BLUE, 91, 46)
    out += [box(50, 58, 82, 90, AMBER, 3), line(56, 70, 76, 70, K, 4), line(56, 79, 70, 79, K, 4)]
    return out


@sym('benefits_office', 'A member of staff at a counter with money: the benefits office')
def _():
    out = bust(38, 28, 12, SKIN_M, BLUE, 64, 40)
    out += [box(9, 60, 91, 74, GREY), box(16, 74, 84, 90, GREY, 0),
            box(54, 44, 88, 64, LGREEN, 3), ellipse(71, 54, 5, 6, WHITE, K, 4)]
    return out


@sym('advice_centre', 'A building and a speech bubble with information: the advice centre')
def _():
    return [box(12, 50, 60, 90, GREY), box(8, 42, 64, 52, BLUE),
            box(28, 66, 44, 90, BLUE), box(16, 58, 24, 66, WHITE, 0, K, 3), box(48, 58, 56, 66, WHITE, 0, K, 3),
            bubble(46, 8, 91, 44, (56, 54), BLUE, 10), dot(68.5, 17, 4, WHITE), line(68.5, 25, 68.5, 35, WHITE, 6)]


@sym('helpline', 'A person wearing a headset: a helpline')
def _():
    out = bust(50, 42, 18, SKIN_L, BLUE, 91, 62, 'smile')
    out += [polyline(arc_pts(50, 42, 24, 180, 360, 20), K, 6),
            box(23, 34, 31, 52, K, 3, K, 3), box(69, 34, 77, 52, K, 3, K, 3),
            path('M27 52 Q28 64 42 63', 'none', K, 5), dot(43, 63, 4)]
    return out


@sym('post_office', 'A red post box: the post office')
def _():
    return [path('M28 84 V34 Q28 10 50 10 Q72 10 72 34 V84 Z', RED),
            line(28, 30, 72, 30, K, 5), box(36, 38, 64, 45, K, 2, K, 3),
            box(40, 54, 60, 68, WHITE, 2, K, 4), box(22, 82, 78, 90, MGREY, 2)]


@sym('day_centre', 'A building in the sunshine: the day centre')
def _():
    out = []
    for a in range(0, 360, 45):
        r = math.radians(a)
        out.append(line(70 + 14 * math.cos(r), 28 + 14 * math.sin(r), 70 + 19 * math.cos(r), 28 + 19 * math.sin(r), K, 5))
    out.append(circle(70, 28, 9.5, AMBER, K, 5))
    out += [box(12, 54, 72, 90, GREY), box(8, 46, 76, 56, BLUE),
            box(34, 68, 50, 90, BLUE), box(18, 64, 28, 74, WHITE, 0, K, 3), box(56, 64, 66, 74, WHITE, 0, K, 3)]
    return out


@sym('youth_club', 'Two young people and a football: the youth club')
def _():
    out = person(28, 34, 11, SKIN_D, GREEN, 91, 34, None, 'short')
    out += person(72, 34, 11, SKIN_L, AMBER, 91, 34, None, 'long')
    out += [circle(50, 70, 19, WHITE), polygon(
            [(50 + 7 * math.cos(math.radians(-90 + 72 * i)), 70 + 7 * math.sin(math.radians(-90 + 72 * i))) for i in range(5)], K, K, 2)]
    for i in range(5):
        a = math.radians(-90 + 72 * i)
        out.append(line(50 + 7 * math.cos(a), 70 + 7 * math.sin(a), 50 + 18 * math.cos(a), 70 + 18 * math.sin(a), K, 3))
    return out


# ---------------------------------------------------------------- people
@sym('person', 'A person')
def _():
    return person(50, 32, 19, SKIN_M, AMBER, 91, 66)


@sym('man', 'A man with short hair')
def _():
    return person(50, 34, 19, SKIN_L, GREEN, 91, 66, None, 'short')


@sym('woman', 'A woman with long hair')
def _():
    return person(50, 34, 19, SKIN_L, AMBER, 91, 66, None, 'long', SKIN_D)


@sym('child', 'A child')
def _():
    out = figure(50, 22, 68, SKIN_L, AMBER, BLUE,
                 arms=[[(-0.1, 0.34), (-0.22, 0.58)], [(0.1, 0.34), (0.22, 0.58)]])
    out.append(circle(50, 24, 14, SKIN_L, K, 5))
    out.append(person(50, 24, 14, SKIN_L, AMBER, 0, 1, None, 'short', K)[-1])
    out.append(line(20, 90, 80, 90, K, 5))
    return out


@sym('baby', 'A baby with a dummy')
def _():
    out = [path(body_d(50, 72, 64, 91, 18), WHITE), circle(50, 46, 27, SKIN_L),
           path('M46 20 Q44 12 52 12 Q58 13 56 19', 'none', K, 5),
           dot(40, 42, 3.2), dot(60, 42, 3.2),
           ellipse(50, 58, 10, 7, BLUE, K, 4), circle(50, 58, 3.5, WHITE, K, 3)]
    return out


@sym('family', 'Two adults and a child holding hands: a family')
def _():
    out = figure(24, 12, 78, SKIN_L, GREEN, MGREY, hands=False,
                 arms=[[(-0.1, 0.32), (-0.12, 0.56)], [(0.1, 0.32), (0.18, 0.58)]])
    out += figure(76, 12, 78, SKIN_D, AMBER, MGREY, hands=False,
                  arms=[[(-0.1, 0.32), (-0.18, 0.58)], [(0.1, 0.32), (0.12, 0.56)]])
    out += figure(50, 42, 48, SKIN_M, PURPLE, BLUE, hands=False,
                  arms=[[(-0.1, 0.34), (-0.24, 0.5)], [(0.1, 0.34), (0.24, 0.5)]])
    out += [circle(37, 57, 5, SKIN_L, K, 4), circle(63, 57, 5, SKIN_D, K, 4), heart(50, 24, 20)]
    return out


@sym('friend', 'Two friends holding hands')
def _():
    out = figure(30, 10, 80, SKIN_M, GREEN, MGREY, hands=False,
                 arms=[[(-0.1, 0.32), (-0.16, 0.56)], [(0.1, 0.32), (0.24, 0.54)]])
    out += figure(70, 10, 80, SKIN_L, AMBER, BLUE, hands=False,
                  arms=[[(-0.1, 0.32), (-0.24, 0.54)], [(0.1, 0.32), (0.16, 0.56)]])
    out += [circle(50, 53, 6, SKIN_M, K, 4)]
    out += face_marks(30, 10 + 0.11 * 80 + 1.8, 0.11 * 80, 'smile')
    out += face_marks(70, 10 + 0.11 * 80 + 1.8, 0.11 * 80, 'smile')
    return out


@sym('carer', 'A carer helping an older person with a walking stick: a carer')
def _():
    out = figure(68, 10, 80, SKIN_D, BLUE, MGREY, hands=False,
                 arms=[[(-0.1, 0.32), (-0.26, 0.5)], [(0.1, 0.32), (0.16, 0.56)]])
    out += [line(16, 52, 16, 90, K, 6), path('M16 52 Q16 44 22 44', 'none', K, 6)]
    out += figure(34, 14, 76, SKIN_L, GREEN, MGREY, hands=False,
                  arms=[[(-0.1, 0.32), (-0.24, 0.5)], [(0.1, 0.32), (0.14, 0.54)]])
    out += [circle(22, 52, 5, SKIN_L, K, 4), circle(47, 52, 5, SKIN_D, K, 4)]
    out.append(path('M%s %s A%s %s 0 0 1 %s %s Q%s %s %s %s Z' % (n(34 - 8.4), n(24), 8.4, 8.4, n(34 + 8.4), n(24),
                                                            n(34), n(20), n(34 - 8.4), n(24)), MGREY, K, 4))
    return out


@sym('volunteer', 'A raised hand with a heart on it: a volunteer')
def _():
    return palm(50, 52, 0.86, SKIN_M) + [heart(53, 71, 26)]


@sym('doctor', 'A doctor in a white coat with a red cross: a doctor')
def _():
    return [path(body_d(42, 48, 62, 91, 18), WHITE),
            polygon([(33, 49), (42, 64), (51, 49)], BLUE, K, 5),
            circle(42, 30, 15, SKIN_L),
            path('M%s %s A15 15 0 0 1 %s %s Q42 22 27 30 Z' % (27, 30, 57, 30), MGREY, K, 5),
            path('M30 52 Q27 74 42 74 Q57 74 54 52', 'none', K, 5),
            line(42, 74, 42, 80, K, 5), circle(42, 82, 5, MGREY, K, 4),
            box(62, 10, 90, 38, WHITE, 4), polygon(plus_shape(76, 24, 20, 7), RED, K, 3)]


@sym('nurse', 'A nurse in a blue tunic and a cap with a red cross: a nurse')
def _():
    return [path(body_d(50, 58, 66, 91, 18), BLUE),
            path('M40 60 L50 72 L60 60', 'none', WHITE, 5),
            circle(50, 42, 16, SKIN_M),
            path('M32 30 L36 12 H64 L68 30 Q50 24 32 30 Z', WHITE),
            polygon(plus_shape(50, 19, 12, 4.5), RED, None),
            line(44, 74, 44, 84, K, 4), circle(44, 86, 3.5, AMBER, K, 3)]


@sym('support_worker', 'A support worker with a badge standing with a person: a support worker')
def _():
    out = bust(68, 36, 13, SKIN_D, BLUE, 91, 42)
    out += [polyline([(60, 56), (68, 68), (76, 56)], AMBER, 4), box(61, 64, 75, 80, WHITE, 2, K, 4)]
    out += bust(30, 48, 12, SKIN_L, PURPLE, 91, 36)
    return out


@sym('group', 'A group of five people: a group')
def _():
    out = []
    for x, skin, shirt in ((22, SKIN_L, AMBER), (50, SKIN_D, GREEN), (78, SKIN_M, BLUE)):
        out += bust(x, 26, 9, skin, shirt, 91, 24)
    for x, skin, shirt in ((35, SKIN_M, GREEN), (65, SKIN_L, AMBER)):
        out += bust(x, 50, 11, skin, shirt, 91, 32)
    return out


@sym('me', 'A person in purple pointing at themselves: me')
def _():
    out = bust(44, 32, 19, SKIN_M, PURPLE, 91, 66)
    out += pointing_hand(38, 70, 40, SKIN_M, 'left', PURPLE)
    return out


@sym('you', 'A hand pointing at a person in purple: you')
def _():
    out = bust(68, 38, 17, SKIN_L, PURPLE, 91, 46)
    out += pointing_hand(50, 58, 32, SKIN_D, 'right', GREEN)
    return out


# ---------------------------------------------------------------- feelings
# A feeling is the person answering (purple) seen close up: a big head whose
# face carries the feeling, plus at most one outside sign.
def feeling(skin=SKIN_M, hy=44, r=24):
    return [path(body_d(50, hy + r * 1.3, 74, 91, min(16, 91 - hy - r * 1.3)), PURPLE), circle(50, hy, r, skin)]


def eyes(y=40, r=3.4, dx=9):
    return [dot(50 - dx, y, r), dot(50 + dx, y, r)]


@sym('happy', 'A person with a big smile: happy')
def _():
    return feeling(SKIN_M) + eyes() + [path('M38 50 Q50 62 62 50', 'none', K, 5)]


@sym('sad', 'A person with a sad mouth and a tear: sad')
def _():
    return feeling(SKIN_L) + eyes() + [path('M39 58 Q50 49 61 58', 'none', K, 5), drop(38, 51, 11)]


@sym('angry', 'A person with a frown and angry eyebrows: angry')
def _():
    return feeling(SKIN_D) + eyes(42) + [line(34, 31, 45, 36, K, 5), line(66, 31, 55, 36, K, 5),
                                         path('M39 58 Q50 50 61 58', 'none', K, 5),
                                         burst(78, 20, 11, RED, 7, 4)]


@sym('worried', 'A person with raised eyebrows, a wobbly mouth and a drop of sweat: worried')
def _():
    return feeling(SKIN_M) + eyes(42) + [line(34, 34, 44, 30, K, 4.5), line(66, 34, 56, 30, K, 4.5),
                                         path('M38 56 Q44 51 50 56 Q56 61 62 56', 'none', K, 5),
                                         drop(78, 32, 14)]


@sym('scared', 'A person with wide eyes and an open mouth, shaking: scared')
def _():
    return feeling(SKIN_L) + [circle(41, 40, 6, WHITE, K, 3.5), circle(59, 40, 6, WHITE, K, 3.5),
                              dot(41, 41, 2.6), dot(59, 41, 2.6),
                              ellipse(50, 56, 5.5, 7, K, K, 3),
                              path('M18 32 Q13 42 18 52', 'none', K, 4.5), path('M82 32 Q87 42 82 52', 'none', K, 4.5),
                              path('M11 26 Q4 42 11 58', 'none', K, 4.5), path('M89 26 Q96 42 89 58', 'none', K, 4.5)]


@sym('calm', 'A person with closed eyes and a gentle smile: calm')
def _():
    return feeling(SKIN_D) + [path('M36 41 Q41 46 46 41', 'none', K, 4.5), path('M54 41 Q59 46 64 41', 'none', K, 4.5),
                              path('M42 54 Q50 59 58 54', 'none', K, 4.5)]


@sym('tired', 'A person with half-closed eyes and a flat battery: tired')
def _():
    out = feeling(SKIN_L, 48)
    out += [line(35, 45, 47, 45, K, 4.5), line(53, 45, 65, 45, K, 4.5),
            path('M36 45 Q41 51 46 45', K, K, 3), path('M54 45 Q59 51 64 45', K, K, 3),
            ellipse(50, 60, 4.5, 5, K, K, 3)]
    out += [box(60, 9, 86, 23, WHITE, 3, K, 5), box(87, 13, 90, 19, K, 0, K, 2), box(63.5, 12.5, 68, 19.5, RED, 0, None)]
    return out


@sym('confused', 'A person with one eyebrow raised and a question mark: confused')
def _():
    return feeling(SKIN_M, 48) + eyes(46) + [line(35, 35, 46, 37, K, 4.5), path('M54 36 Q60 30 66 34', 'none', K, 4.5),
                                             path('M40 60 Q46 56 52 60 Q57 63 62 59', 'none', K, 5)] + \
        qmark(82, 20, 22, AMBER, 6)


@sym('lonely', 'A sad person on their own, far from other people: lonely')
def _():
    out = []
    out += bust(66, 24, 7, GREY, GREY, 48, 20)
    out += bust(81, 24, 7, GREY, GREY, 48, 20)
    out += person(32, 48, 15, SKIN_L, PURPLE, 91, 44)
    out += [dot(27, 47, 2.2), dot(37, 47, 2.2), path('M27 56 Q32 52 37 56', 'none', K, 3.5)]
    return out


@sym('proud', 'A smiling person wearing a medal: proud')
def _():
    out = feeling(SKIN_D, 38, 22) + eyes(35) + [path('M39 44 Q50 55 61 44', 'none', K, 5)]
    out += [polygon([(40, 66), (50, 66), (54, 78), (46, 80)], RED, K, 4),
            polygon([(60, 66), (50, 66), (46, 78), (54, 80)], BLUE, K, 4),
            circle(50, 82, 9, AMBER, K, 4.5)]
    return out


# ---------------------------------------------------------------- places
@sym('home', 'A house with a heart: home')
def _():
    return [box(20, 46, 80, 90, GREY), polygon([(10, 50), (50, 14), (90, 50)], BLUE),
            heart(50, 68, 30)]


@sym('shop', 'A shop front with a striped awning: a shop')
def _():
    out = [box(14, 40, 86, 90, GREY), box(20, 54, 50, 80, WHITE, 0, K, 4), box(58, 54, 78, 90, BLUE)]
    xs = [10 + 16 * i for i in range(6)]
    for i in range(5):
        out.append(polygon([(xs[i], 20), (xs[i + 1], 20), (xs[i + 1], 40), (xs[i], 40)], RED if i % 2 == 0 else WHITE, None))
        out.append(path('M%s 40 Q%s 48 %s 40' % (xs[i], xs[i] + 8, xs[i + 1]), RED if i % 2 == 0 else WHITE, K, 5))
    out.append(polyline([(10, 40), (10, 20), (90, 20), (90, 40)], K, 6))
    return out


@sym('park', 'A tree and a bench: the park')
def _():
    return [box(29, 50, 41, 90, SKIN_D, 2), circle(35, 34, 24, GREEN),
            line(58, 80, 58, 90, K, 5), line(86, 80, 86, 90, K, 5),
            box(52, 56, 90, 64, AMBER, 2, K, 5), box(52, 72, 90, 80, AMBER, 2, K, 5), line(9, 90, 91, 90)]


@sym('street', 'A road going into the distance: the street')
def _():
    out = [polygon([(40, 12), (60, 12), (91, 90), (9, 90)], MGREY)]
    for y0, y1 in ((16, 26), (34, 48), (58, 78)):
        w0, w1 = 1 + (y0 - 12) * 0.06, 1 + (y1 - 12) * 0.06
        out.append(polygon([(50 - w0, y0), (50 + w0, y0), (50 + w1, y1), (50 - w1, y1)], WHITE, None))
    return out


@sym('bus_stop', 'A bus stop sign and a shelter: the bus stop')
def _():
    return [box(56, 34, 88, 84, GREY, 0, K, 5), box(50, 26, 92, 36, BLUE, 2),
            box(58, 66, 86, 72, AMBER, 0, K, 4),
            line(26, 36, 26, 90), line(12, 90, 40, 90),
            circle(26, 26, 17, WHITE), box(17, 18, 35, 33, BLUE, 3, K, 4), line(19, 25, 33, 25, WHITE, 3)]


@sym('toilet', 'A toilet: the toilet')
def _():
    return [box(14, 12, 36, 52, WHITE, 3),
            path('M32 90 L36 74 Q22 70 22 54 H86 Q86 72 62 76 L64 90 Z', WHITE),
            line(20, 54, 88, 54, K, 7), line(24, 30, 30, 30, K, 4)]


@sym('cafe', 'A cup of tea on a saucer: a cafe')
def _():
    return [ellipse(46, 82, 34, 7, WHITE),
            path('M70 52 Q86 50 84 62 Q82 72 66 72', 'none', K, 6),
            path('M22 44 H70 V60 Q70 80 46 80 Q22 80 22 60 Z', WHITE),
            line(26, 50, 66, 50, SKIN_D, 4),
            path('M36 14 Q30 22 36 28 Q42 34 36 40', 'none', MGREY, 5), path('M54 14 Q48 22 54 28 Q60 34 54 40', 'none', MGREY, 5)]


@sym('place_of_worship', 'A tall building with a heart above the door: a place of worship')
def _():
    return [box(26, 44, 74, 86, GREY), polygon([(20, 48), (50, 10), (80, 48)], BLUE),
            circle(50, 38, 10, WHITE, K, 5), heart(50, 38.5, 13, RED, 3),
            path('M40 86 V66 Q40 56 50 56 Q60 56 60 66 V86 Z', AMBER),
            box(14, 84, 86, 91, GREY, 0, K, 5)]


@sym('office', 'A desk with a computer: an office')
def _():
    return [box(18, 10, 82, 52, K, 4, K, 5), box(24, 16, 76, 46, BLUE, 1, K, 3),
            box(42, 52, 58, 64, MGREY, 0, K, 4),
            box(9, 64, 91, 72, AMBER, 2), line(16, 72, 16, 91), line(84, 72, 84, 91),
            box(30, 76, 70, 84, GREY, 2, K, 4)]


@sym('waiting_room', 'A row of chairs and a clock: the waiting room')
def _():
    out = clock(50, 24, 15, WHITE, (0, -0.6), (0.45, 0.1), 5)
    for x in (12, 40, 68):
        out += [line(x + 4, 72, x + 4, 90, K, 5), line(x + 18, 72, x + 18, 90, K, 5),
                box(x, 48, x + 8, 74, BLUE, 2, K, 5), box(x, 66, x + 22, 74, BLUE, 2, K, 5)]
    return out


@sym('door', 'A door: the door')
def _():
    return [box(22, 10, 78, 90, GREY), box(31, 18, 69, 90, BLUE), dot(61, 56, 4, WHITE),
            box(37, 26, 63, 46, BLUE, 2, K, 4), box(37, 62, 63, 82, BLUE, 2, K, 4), line(9, 90, 91, 90)]


# ---------------------------------------------------------------- time
def day_row(highlight, arrow_dir=0):
    """Three calendar pages: yesterday, today, tomorrow; `highlight` (0..2) is amber."""
    out = []
    xs = ((12, 34), (39, 61), (66, 88))
    top = 38 if arrow_dir else 30
    for i, (x0, x1) in enumerate(xs):
        if i == highlight:
            continue
        out += cal_page(x0, top + 8, x1, top + 44, WHITE, GREY, False, 5)
    x0, x1 = xs[highlight]
    out += cal_page(x0 - 3, top - 2, x1 + 3, top + 50, AMBER, BLUE, True, 6)
    if arrow_dir:
        a, b = (50, 66) if arrow_dir > 0 else (50, 34)
        out += arrow(bez_pts((a - arrow_dir * 6, 28), (50, 13), (b, 13), (b + arrow_dir * 10, 30), 20), GREEN, 7, 13, 20)
    return out


@sym('today', 'Three calendar pages with the middle one marked: today')
def _():
    out = day_row(1)
    out.append(polygon([(44, 90), (56, 90), (50, 82)], PURPLE, K, 4))
    return out


@sym('tomorrow', 'Calendar pages and an arrow to the next day: tomorrow')
def _():
    return day_row(2, 1)


@sym('yesterday', 'Calendar pages and an arrow back to the day before: yesterday')
def _():
    return day_row(0, -1)


@sym('morning', 'The sun rising: morning')
def _():
    out = []
    for a in range(180, 361, 30):
        r = math.radians(a)
        out.append(line(50 + 30 * math.cos(r), 66 + 30 * math.sin(r), 50 + 40 * math.cos(r), 66 + 40 * math.sin(r), K, 6))
    out += [path('M28 66 A22 22 0 0 1 72 66 Z', AMBER), box(9, 66, 91, 84, GREY, 3), line(9, 66, 91, 66)]
    return out


@sym('same_day', 'A calendar page with the sun rising on it: seen the same morning')
def _():
    out = cal_page(10, 14, 90, 90)
    for a in range(180, 361, 45):
        r = math.radians(a)
        out.append(line(50 + 21 * math.cos(r), 76 + 21 * math.sin(r), 50 + 29 * math.cos(r), 76 + 29 * math.sin(r), K, 5))
    out += [path('M35 76 A15 15 0 0 1 65 76 Z', AMBER, K, 5), line(20, 76, 80, 76, K, 5)]
    return out


@sym('night', 'The moon and stars in a dark sky: night')
def _():
    return [box(9, 9, 91, 91, BLUE, 10), path(crescent_d(44, 52, 26, 58, 42, 22), AMBER, K, 6),
            star(74, 24, 8, WHITE, 3.5), star(78, 66, 7, WHITE, 3.5), star(26, 20, 5, WHITE, 3)]


@sym('week', 'A calendar with seven days in a row: a week')
def _():
    out = cal_page(9, 18, 91, 82)
    for i in range(7):
        x = 15 + i * 10.3
        out.append(box(x, 46, x + 7, 72, AMBER if i < 5 else GREY, 1, K, 3))
    return out


@sym('clock', 'A clock: the time')
def _():
    out = clock(50, 50, 40, WHITE, (0, -0.62), (0.45, 0.0), 7)
    for a in range(0, 360, 90):
        r = math.radians(a)
        out.append(line(50 + 31 * math.cos(r), 50 + 31 * math.sin(r), 50 + 36 * math.cos(r), 50 + 36 * math.sin(r), K, 4))
    return out


@sym('calendar', 'A calendar: dates and appointments')
def _():
    out = cal_page(12, 16, 88, 88)
    for r in range(3):
        for c in range(4):
            x, y = 20 + c * 17, 44 + r * 14
            out.append(box(x, y, x + 10, y + 8, GREY, 0, K, 3))
    return out


@sym('wait', 'An hourglass: wait')
def _():
    return [polygon([(26, 16), (74, 16), (52, 50), (74, 84), (26, 84), (48, 50)], WHITE),
            polygon([(36, 24), (64, 24), (50, 44)], AMBER, None), polygon([(32, 80), (68, 80), (50, 64)], AMBER, None),
            polygon([(26, 16), (74, 16), (52, 50), (74, 84), (26, 84), (48, 50)], 'none'),
            line(50, 50, 50, 62, AMBER, 3),
            box(18, 8, 82, 16, SKIN_D, 3), box(18, 84, 82, 92, SKIN_D, 3)]


# ---------------------------------------------------------------- money
def note(x0, y0, x1, y1):
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return [box(x0, y0, x1, y1, LGREEN, 3), ellipse(cx, cy, (y1 - y0) * 0.24, (y1 - y0) * 0.28, WHITE, K, 4)]


@sym('cash', 'A wallet with bank notes: cash')
def _():
    out = note(24, 14, 80, 46) + note(14, 26, 70, 58)
    out += [box(10, 44, 90, 90, SKIN_D, 8), box(62, 56, 90, 76, SKIN_D, 4, K, 5), dot(74, 66, 4, AMBER)]
    return out


@sym('card', 'A bank card: paying by card')
def _():
    return [box(9, 22, 91, 78, BLUE, 7), box(20, 36, 38, 52, AMBER, 3, K, 4),
            line(20, 66, 34, 66, WHITE, 5), line(42, 66, 56, 66, WHITE, 5), line(64, 66, 78, 66, WHITE, 5)]


@sym('bill', 'A bill with a coin: a bill to pay')
def _():
    out = page(14, 9, 62, 86, ((22, 22, 50), (34, 22, 54), (46, 22, 44), (72, 34, 54)))
    out += [line(22, 62, 54, 62, K, 4)]
    out += coin(70, 70, 18)
    return out


@sym('debt', 'A pile of bills and a red arrow going down: debt')
def _():
    out = page(30, 10, 70, 58) + page(22, 20, 62, 68) + page(14, 30, 54, 78, ((42, 22, 46), (54, 22, 42), (66, 22, 38)))
    out += arrow([(76, 46), (76, 90)], RED, 10, 16, 26)
    return out


@sym('wage', 'A pay packet with money coming out: wages from work')
def _():
    out = note(24, 10, 76, 42)
    out += [box(12, 30, 88, 88, AMBER, 4), path('M12 30 L50 58 L88 30', 'none', K, 5)]
    out += coin(28, 72, 10)
    return out


@sym('bank', 'A bank building and a coin: the bank')
def _():
    return civic(44, 86, 62) + coin(74, 72, 17)


# ---------------------------------------------------------------- transport
@sym('car', 'A car')
def _():
    return car(9, 24, 1.025, GREY) + [line(9, 82, 91, 82, K, 5)]


@sym('train', 'A train on rails')
def _():
    return [line(32, 80, 20, 91, K, 6), line(68, 80, 80, 91, K, 6),
            box(22, 9, 78, 82, GREY, 14), box(30, 18, 70, 44, WHITE, 4, K, 5),
            box(22, 50, 78, 58, BLUE, 0, K, 5), circle(34, 70, 5, AMBER, K, 4), circle(66, 70, 5, AMBER, K, 4)]


@sym('walk', 'A person walking: walk')
def _():
    return figure(50, 10, 80, SKIN_M, GREEN, BLUE,
                  arms=[[(-0.08, 0.32), (-0.22, 0.5)], [(0.08, 0.32), (0.24, 0.46)]],
                  leg_pts=[[(-0.04, 0.6), (-0.14, 0.77), (-0.24, 0.93)], [(0.04, 0.6), (0.16, 0.76), (0.2, 0.93)]]) + \
        [line(12, 91, 88, 91, K, 5)]


@sym('bike', 'A bicycle')
def _():
    out = [circle(26, 64, 17, WHITE), circle(74, 64, 17, WHITE), dot(26, 64, 3.5), dot(74, 64, 3.5)]
    frame = [(26, 64), (44, 64), (64, 38), (38, 38), (44, 64)]
    out += limb(frame, BLUE, 5, 3)
    out += limb([(64, 38), (74, 64)], BLUE, 5, 3)
    out += [line(32, 30, 44, 30, K, 6), line(38, 30, 38, 38, K, 5), line(64, 38, 62, 26, K, 5), line(56, 24, 68, 26, K, 6)]
    return out


@sym('wheelchair', 'A person in a wheelchair')
def _():
    out = [circle(44, 68, 22, WHITE, K, 6), dot(44, 68, 3.5),
           line(66, 52, 72, 80, K, 5), circle(76, 86, 5, WHITE, K, 4)]
    out += limb([(36, 30), (38, 52), (64, 52), (70, 76)], BLUE, 9, 4)
    out += limb([(36, 34), (52, 44)], BLUE, 7, 4)
    out += [circle(54, 45, 4.5, SKIN_M, K, 4), circle(36, 18, 9, SKIN_M, K, 5)]
    return out


# ---------------------------------------------------------------- health
@sym('medicine', 'A bottle of medicine: medicine')
def _():
    return [box(32, 10, 68, 24, WHITE, 3), box(24, 22, 76, 90, AMBER, 10),
            box(32, 40, 68, 74, WHITE, 2, K, 4), polygon(plus_shape(50, 57, 22, 8), RED, K, 3)]


@sym('pain', 'A worried person with a red flash of pain on their head: pain')
def _():
    out = bust(44, 44, 18, SKIN_L, PURPLE, 91, 62, 'worried')
    out += [burst(74, 24, 16, RED, 8, 4), dot(74, 24, 4, WHITE)]
    return out


@sym('sleep', 'A person asleep in bed: sleep')
def _():
    return [box(9, 40, 17, 90, SKIN_D, 2, K, 5), line(84, 74, 84, 90, K, 6),
            box(9, 66, 91, 76, GREY, 2), ellipse(28, 58, 12, 6, WHITE, K, 5),
            circle(30, 48, 9, SKIN_M, K, 5), path('M26 47 Q28 50 30 47', 'none', K, 3),
            path('M38 66 V52 Q38 46 46 46 H84 Q90 46 90 54 V66 Z', PURPLE),
            zed(54, 16, 10), zed(70, 8, 14)]


@sym('exercise', 'A dumbbell: exercise')
def _():
    return [line(20, 50, 80, 50, K, 14), line(20, 50, 80, 50, MGREY, 6),
            box(9, 36, 18, 64, BLUE, 3), box(18, 26, 32, 74, BLUE, 3),
            box(82, 36, 91, 64, BLUE, 3), box(68, 26, 82, 74, BLUE, 3)]


# ---------------------------------------------------------------- housing
@sym('flat', 'A block of flats')
def _():
    out = [box(22, 9, 78, 90, GREY)]
    for r in range(4):
        for c in range(2):
            x, y = 31 + c * 26, 17 + r * 14
            out.append(box(x, y, x + 12, y + 8, WHITE, 0, K, 4))
    out += [box(42, 72, 58, 90, AMBER), line(9, 90, 91, 90)]
    return out


def small_house(cx=42, base=84, w=56):
    return [box(cx - w / 2 + 6, base - w * 0.62, cx + w / 2 - 6, base, GREY),
            polygon([(cx - w / 2, base - w * 0.56), (cx, base - w * 1.12), (cx + w / 2, base - w * 0.56)], BLUE),
            box(cx - 7, base - 24, cx + 7, base, AMBER)]


@sym('homeless', 'A house with a red cross: no home, homeless')
def _():
    return small_house(44, 84, 64) + neg_badge()


@sym('rent', 'A house and a coin: paying rent')
def _():
    return small_house(44, 84, 64) + coin(73, 73, 18)


@sym('repair', 'A house and a hammer: repairs')
def _():
    return small_house(42, 84, 64) + [line(58, 86, 76, 60, K, 14), line(58, 86, 76, 60, AMBER, 6),
                                      rot_rect(77, 58, 26, 11, -56, MGREY, 5)]


@sym('heating', 'A radiator giving out heat: heating')
def _():
    out = [box(12, 44, 88, 84, WHITE, 4)]
    for x in (28, 44, 60, 76):
        out.append(line(x - 4, 52, x - 4, 76, K, 4))
    out += [line(20, 84, 20, 91, K, 6), line(80, 84, 80, 91, K, 6)]
    for x in (30, 50, 70):
        out.append(path('M%s 36 Q%s 30 %s 24 Q%s 18 %s 11' % (x, x - 6, x, x + 6, x), 'none', ORANGE, 6))
    return out


@sym('key', 'A key')
def _():
    return [box(62, 52, 70, 68, AMBER, 1, K, 5), box(76, 52, 84, 64, AMBER, 1, K, 5),
            box(40, 42, 88, 56, AMBER, 3), circle(30, 49, 20, AMBER), circle(26, 49, 7, WHITE, K, 5)]


# ---------------------------------------------------------------- food
@sym('food', 'An apple and a loaf of bread: food')
def _():
    return [path('M48 88 V56 Q48 40 68 40 Q90 40 90 56 V88 Z', AMBER),
            line(60, 48, 66, 58, K, 4), line(72, 46, 78, 56, K, 4),
            path('M30 30 Q20 24 14 34 Q8 46 14 62 Q20 78 30 74 Q36 72 40 74 Q52 76 54 58 Q56 38 48 30 Q40 24 30 30 Z', LGREEN),
            path('M32 30 Q32 22 36 16', 'none', K, 5), path('M36 20 Q44 14 50 20 Q44 26 36 20 Z', GREEN, K, 4)]


@sym('drink', 'A glass of water: a drink')
def _():
    wl = lambda y: 24 + 6 * (y - 14) / 76
    return [polygon([(wl(38), 38), (100 - wl(38), 38), (100 - wl(88), 88), (wl(88), 88)], BLUE, None),
            line(wl(38) + 2, 38, 98 - wl(38), 38, K, 4),
            polygon([(24, 12), (76, 12), (70, 90), (30, 90)], 'none')]


@sym('meal', 'A plate with a knife and fork: a meal')
def _():
    out = [circle(50, 52, 28, WHITE), circle(50, 52, 17, 'none', K, 4)]
    out += [line(14, 40, 14, 88, K, 10)]
    out += [path('M9 14 V32 Q9 40 14 40 Q19 40 19 32 V14', 'none', K, 5), line(14, 14, 14, 30, K, 4)]
    out += [path('M86 88 V14 Q78 20 78 36 V52 H86', MGREY, K, 5)]
    return out


@sym('cook', 'A saucepan on a cooker with steam: cooking')
def _():
    return [path('M34 32 Q28 24 34 16', 'none', MGREY, 5), path('M50 32 Q44 24 50 16', 'none', MGREY, 5),
            path('M66 32 Q60 24 66 16', 'none', MGREY, 5),
            line(74, 50, 88, 47, K, 8),
            box(20, 42, 80, 74, MGREY, 6), line(16, 42, 84, 42, K, 6),
            box(12, 82, 88, 90, K, 2, K, 4),
            path('M34 82 Q30 76 36 74 Q38 78 40 76 Q44 80 40 82 Z', ORANGE, K, 2.5),
            path('M60 82 Q56 76 62 74 Q64 78 66 76 Q70 80 66 82 Z', ORANGE, K, 2.5)]


@sym('shopping_bag', 'A shopping bag')
def _():
    return [path('M36 36 V26 Q36 14 50 14 Q64 14 64 26 V36', 'none', K, 6),
            path('M20 32 H80 L86 86 Q86 90 82 90 H18 Q14 90 14 86 Z', AMBER),
            dot(36, 40, 3.5), dot(64, 40, 3.5)]


# ---------------------------------------------------------------- communication
@sym('phone_call', 'A telephone: a phone call')
def _():
    return [path('M14 84 L24 52 H76 L86 84 Q86 88 82 88 H18 Q14 88 14 84 Z', BLUE),
            circle(50, 70, 11, WHITE, K, 5), dot(50, 70, 3),
            path('M10 38 Q10 16 50 16 Q90 16 90 38 Q90 46 80 46 H72 Q66 46 66 40 V34 H34 V40 Q34 46 28 46 H20 Q10 46 10 38 Z', BLUE)]


@sym('text_message', 'A mobile phone with a message bubble: a text message')
def _():
    return [box(12, 30, 44, 90, K, 6, K, 4), box(17, 38, 39, 80, WHITE, 1, K, 2), dot(28, 85, 2.5, WHITE),
            bubble(40, 9, 90, 44, (34, 56), WHITE, 9), dot(53, 26, 3.5), dot(65, 26, 3.5), dot(77, 26, 3.5)]


@sym('letter', 'An envelope with a stamp: a letter')
def _():
    return [box(9, 22, 91, 78, WHITE, 4), box(70, 28, 84, 44, RED, 1, K, 4),
            line(18, 56, 52, 56, MGREY, 5), line(18, 66, 44, 66, MGREY, 5)]


@sym('email', 'A laptop with an envelope on the screen: email')
def _():
    return [box(16, 12, 84, 62, K, 4, K, 4), box(22, 18, 78, 56, WHITE, 1, K, 2),
            path('M9 66 H91 L86 80 H14 Z', GREY),
            box(32, 24, 68, 50, BLUE, 2, K, 4), polyline([(33, 25), (50, 40), (67, 25)], K, 4)]


@sym('interpreter', 'A helper between two speech bubbles in different languages: an interpreter')
def _():
    out = [bubble(8, 9, 48, 38, (22, 48), WHITE, 8), dot(18, 23.5, 3), dot(28, 23.5, 3), dot(38, 23.5, 3),
           bubble(52, 9, 92, 38, (70, 48), AMBER, 8),
           path('M60 24 Q64 18 68 24 Q72 30 76 24 Q80 18 84 24', 'none', K, 4)]
    out += bust(50, 58, 12, SKIN_D, BLUE, 91, 36)
    out += arrow([(34, 74), (18, 74)], GREEN, 6, 9, 14) + arrow([(66, 74), (82, 74)], GREEN, 6, 9, 14)
    return out


@sym('sign_language', 'Two hands signing: sign language')
def _():
    out = [path('M12 36 Q14 18 30 12', 'none', BLUE, 6), path('M88 66 Q86 84 70 90', 'none', BLUE, 6)]
    out += palm(31, 58, 0.6, SKIN_M) + palm(68, 44, 0.6, SKIN_L)
    return out


@sym('easy_read', 'A page with pictures next to short lines: easy read')
def _():
    out = [box(16, 9, 84, 91, WHITE, 3),
           box(22, 16, 44, 38, WHITE, 2, K, 4), circle(33, 27, 7, GREEN, K, 3.5),
           box(22, 46, 44, 68, WHITE, 2, K, 4), polygon([(26, 64), (33, 52), (40, 64)], BLUE, K, 3.5),
           line(52, 22, 76, 22, MGREY, 5), line(52, 32, 70, 32, MGREY, 5),
           line(52, 52, 76, 52, MGREY, 5), line(52, 62, 68, 62, MGREY, 5),
           line(24, 80, 76, 80, MGREY, 5)]
    return out


@sym('talk', 'A head talking: talk')
def _():
    out = [profile_head(-4, 4, 0.84, SKIN_M), line(66, 58, 71, 58, K, 4)]
    for r in (10, 20):
        out.append(polyline(arc_pts(70, 52, r, -40, 40, 10), BLUE, 6))
    return out


@sym('listen', 'A person cupping a hand to their ear: listen')
def _():
    out = bust(40, 42, 19, SKIN_D, PURPLE, 91, 64)
    out += limb([(52, 84), (62, 68), (63, 50)], PURPLE, 9, 5)
    out += [ellipse(62, 44, 7, 11, SKIN_D, K, 5)]
    for r in (10, 20):
        out.append(polyline(arc_pts(62, 44, r, -40, 40, 10), BLUE, 6))
    return out


@sym('ask', 'A person asking another person a question: ask')
def _():
    out = [bubble(28, 9, 72, 44, (22, 54), WHITE, 10)] + qmark(50, 24, 24, K, 5.5)
    out += bust(24, 60, 10, SKIN_L, PURPLE, 91, 28)
    out += bust(76, 60, 10, SKIN_D, GREEN, 91, 28)
    return out


@sym('question', 'A speech bubble with a question mark: a question')
def _():
    return [bubble(12, 9, 88, 74, (28, 90), AMBER, 14)] + qmark(50, 38, 44, K, 8)


@sym('answer', 'A question, and a reply bubble with a tick: an answer')
def _():
    out = [bubble(9, 9, 46, 42, (20, 50), WHITE, 8)] + qmark(27.5, 23, 18, K, 4.5)
    out += [bubble(34, 46, 91, 82, (82, 91), GREEN, 10), polyline(tick_pts(62.5, 64, 28), WHITE, 7)]
    return out


# ---------------------------------------------------------------- actions
def want_pic():
    out = [star(76, 30, 16, AMBER, 5)]
    out += bust(30, 46, 14, SKIN_M, PURPLE, 91, 42)
    out += limb([(40, 72), (54, 54), (60, 44)], PURPLE, 9, 5)
    out += [circle(61, 41, 7, SKIN_M, K, 5)]
    return out


@sym('want', 'A person reaching for a star: want')
def _():
    return want_pic()


@sym('dont_want', 'A person reaching for a star, with a red cross: do not want')
def _():
    return want_pic() + neg_badge()


def like_pic():
    return [box(28, 80, 64, 91, PURPLE, 2, K, 5)] + limb([(36, 52), (33, 20)], SKIN_M, 17, 5) + [
        path('M22 54 Q22 44 32 44 H68 Q78 44 78 54 V74 Q78 84 68 84 H32 Q22 84 22 74 Z', SKIN_M),
        line(54, 54, 78, 54, K, 4), line(54, 64, 78, 64, K, 4), line(54, 74, 76, 74, K, 4),
        path('M38 48 Q42 58 54 58', 'none', K, 4)]


@sym('like', 'A thumbs up: like')
def _():
    return like_pic()


@sym('dont_like', 'A thumbs up with a red cross: do not like')
def _():
    return like_pic() + neg_badge()


@sym('more', 'A pile of blocks with a plus: more')
def _():
    return [box(12, 62, 40, 90, AMBER, 3), box(40, 62, 68, 90, AMBER, 3), box(26, 34, 54, 62, AMBER, 3),
            ] + plus_badge(72, 28, 18, GREEN)


@sym('less', 'One block with a minus: less')
def _():
    return [box(12, 62, 40, 90, GREY, 3, MGREY, 4), box(40, 62, 68, 90, GREY, 3, MGREY, 4),
            box(26, 34, 54, 62, GREY, 3, MGREY, 4), box(12, 62, 40, 90, AMBER, 3)] + plus_badge(72, 28, 18, ORANGE, True)


@sym('go', 'A traffic light on green: go')
def _():
    return [box(30, 8, 70, 92, K, 10), circle(50, 24, 10, GREY, K, 3), circle(50, 50, 10, GREY, K, 3),
            circle(50, 76, 12, GREEN, WHITE, 3)]


@sym('give', 'A person holding out a present, and an arrow going away: give')
def _():
    out = bust(26, 46, 13, SKIN_L, PURPLE, 91, 36)
    out += limb([(32, 74), (52, 68)], PURPLE, 9, 5)
    out += gift(50, 52, 80, 80)
    out += arrow([(48, 22), (88, 22)], GREEN, 9, 16, 24)
    return out


@sym('get', 'A person taking a present, and an arrow coming to them: get')
def _():
    out = bust(26, 46, 13, SKIN_D, PURPLE, 91, 36)
    out += limb([(32, 74), (52, 68)], PURPLE, 9, 5)
    out += gift(50, 52, 80, 80)
    out += arrow([(84, 22), (46, 22)], GREEN, 9, 16, 24)
    return out


@sym('find', 'A magnifying glass: find')
def _():
    return [line(60, 60, 86, 86, K, 16), line(60, 60, 86, 86, SKIN_D, 6),
            circle(40, 40, 28, WHITE, K, 7), path('M26 34 Q30 24 40 22', 'none', BLUE, 5)]


@sym('choose', 'A finger choosing one of two pictures: choose')
def _():
    out = [box(9, 12, 45, 48, WHITE, 5), circle(27, 30, 9, AMBER, K, 4),
           box(55, 12, 91, 48, WHITE, 5), polygon([(64, 38), (73, 21), (82, 38)], BLUE, K, 4),
           circle(84, 17, 8.5, GREEN, K, 4), polyline(tick_pts(84, 17.5, 10), WHITE, 3.5)]
    out += pointing_hand(71, 46, 44, SKIN_M, 'up')
    return out


def main(outdir):
    rows = []
    for name in ORDER:
        alt, fn = S[name]
        with open(os.path.join(outdir, name + '.svg'), 'w') as fp:
            fp.write(svg(name, fn()))
        rows.append((name, name + '.svg', alt))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator='\n')
    w.writerow(('name', 'file', 'alt'))
    w.writerows(rows)
    with open(os.path.join(outdir, 'index.csv'), 'w', newline='') as fp:
        fp.write(buf.getvalue())
    print(len(rows), 'symbols')


main(sys.argv[1])
