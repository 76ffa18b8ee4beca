#!/usr/bin/env python3
"""Independent check of the worked examples in docs/product-rules.md.

Written from the rules, not from the Swift code: plain Python `decimal` with enough precision
that every power (1 + r)^n is exact (1.0296^36 has 145 significant digits; precision is 400),
rounding half-up to the fen only at the rule's rounding points. Run: python3 worked_examples.py
The Swift tests (Tests/LendingTests/Replay, .../Schedule) assert the numbers printed here.
"""
from datetime import date, timedelta
from decimal import Decimal as D, ROUND_HALF_UP, getcontext
import calendar

getcontext().prec = 400
FEN = D("0.01")


def r2(x):
    """Half-up to the fen."""
    return x.quantize(FEN, rounding=ROUND_HALF_UP)


def add_months(start, k):
    """Same day k months later, or the month's last day; always counted from `start`."""
    m = start.month - 1 + k
    y, m = start.year + m // 12, m % 12 + 1
    return date(y, m, min(start.day, calendar.monthrange(y, m)[1]))


def equal_installment(p, daily, n, start):
    r = daily * 30
    g = (1 + r) ** n
    a = r2(p * r * g / (g - 1))
    rows, out = [], p
    for k in range(1, n + 1):
        i = r2(out * r)
        pr = out if k == n else min(out, max(D(0), a - i))
        rows.append((k, add_months(start, k), pr, i))
        out -= pr
    return a, rows


def equal_principal(p, daily, n, start):
    r = daily * 30
    even = r2(p / n)
    rows, out = [], p
    for k in range(1, n + 1):
        i = r2(out * r)
        pr = out if k == n else even
        rows.append((k, add_months(start, k), pr, i))
        out -= pr
    return rows


def interest_first(p, daily, n, start):
    i = r2(p * daily * 30)
    return [(k, add_months(start, k), p if k == n else D(0), i) for k in range(1, n + 1)]


def pen(principal, daily, days, mult=D("1.5")):
    """One penalty stretch: round(principal x daily x multiplier x days)."""
    return r2(principal * daily * mult * days)


def days(a, b):
    return (b - a).days


def show(title, **values):
    print(f"## {title}")
    for key, value in values.items():
        print(f"  {key} = {value}")


P, DAILY, START = D("10000.00"), D("0.0004"), date(2026, 1, 15)
A, ROWS = equal_installment(P, DAILY, 12, START)

# --- Schedules ---------------------------------------------------------------------------
show("equal-installment 10000 / 12 / 0.0004 from 2026-01-15", A=A,
     first=ROWS[0], last=ROWS[-1], principal_sum=sum(r[2] for r in ROWS),
     interest_sum=sum(r[3] for r in ROWS))
for row in ROWS:
    print("   ", row[0], row[1], row[2], row[3], row[2] + row[3])
EP = equal_principal(P, DAILY, 12, START)
show("equal-principal 10000 / 12", first=EP[0], second=EP[1], last=EP[-1],
     interest_sum=sum(r[3] for r in EP))
IF = interest_first(P, DAILY, 12, START)
show("interest-first 10000 / 12", first=IF[0], last=IF[-1])
A7, R7 = equal_installment(D("7"), D("0.000986"), 3, START)
show("equal-installment 7.00 / 3 / 0.000986 (max rate)", A=A7, rows=R7)
A36, R36 = equal_installment(D("200000"), D("0.000986"), 36, START)
show("equal-installment 200000 / 36 / 0.000986", A=A36, last=R36[-1])
show("Jan 31 start 2026", dues=[str(add_months(date(2026, 1, 31), k)) for k in range(1, 5)])
show("Jan 31 start 2024", dues=[str(add_months(date(2024, 1, 31), k)) for k in range(1, 3)])

I1P, I1I = ROWS[0][2], ROWS[0][3]      # installment 1: 779.75 principal, 120.00 interest
DUE1 = ROWS[0][1]                      # 2026-02-15

# --- Grace boundary ------------------------------------------------------------------------
show("grace: paid in full on due+3 (2026-02-18)", penalty=D("0.00"))
p4 = pen(I1P, DAILY, 4)                 # 02-16 .. 02-19
show("grace: 899.75 paid on due+4 (2026-02-19)", penalty=p4, interest=I1I,
     principal=D("899.75") - p4 - I1I, unpaid_principal=I1P - (D("899.75") - p4 - I1I))

# --- Penalty stretches (installment 1 never paid on time) ----------------------------------
d1, t1, t2 = date(2026, 2, 16), date(2026, 3, 1), date(2026, 3, 10)
s1 = pen(I1P, DAILY, days(d1, t1) + 1)          # 02-16..03-01 = 14 days
paid_p = D("500.00") - s1 - I1I
s2 = pen(I1P - paid_p, DAILY, days(t1, t2))      # 03-02..03-10 = 9 days
show("stretch ends at a 500.00 payment on 2026-03-01", stretch1=s1, principal_paid=paid_p,
     unpaid_principal=I1P - paid_p, stretch2_to_0310=s2, penalty_0310=s1 + s2,
     dpd_0310=days(DUE1, t2))
# Partial penalty payment does not end the stretch; a full one does. Find a payment day after
# grace where two rounded stretches differ from one, so the test can tell them apart.
asof = d1 + timedelta(days=29)                    # 2026-03-17: 30 penalty days
for split in range(5, 29):                        # pay on day `split` of the overdue run
    whole = pen(I1P, DAILY, 30)
    parts = pen(I1P, DAILY, split) + pen(I1P, DAILY, 30 - split)
    if whole != parts:
        break
tp = d1 + timedelta(days=split - 1)
show("full penalty payment ends the stretch, a partial one does not",
     pay_day=tp, accrued_at_pay=pen(I1P, DAILY, split), asof=asof,
     one_stretch=whole, two_stretches=parts)

# --- Payoff -----------------------------------------------------------------------------
show("payoff on the disbursement day", amount=P, interest=D("0.00"))
nd = P - I1P
cur = r2(nd * DAILY * days(DUE1, t1))
show("payoff 2026-03-01 after installment 1 paid on time", not_due=nd,
     days=days(DUE1, t1), current_interest=cur, amount=nd + cur)
i2 = ROWS[1][3]
show("payoff 2026-03-01 after 999.75 on 2026-02-15 (100.00 advance interest)",
     installment2_interest=i2, advance=min(D("100"), i2),
     current_interest=max(D(0), cur - D("100")), amount=nd + max(D(0), cur - D("100")))

# --- Backdated repayment changes a later payment's allocation -----------------------------
# Log order: P2 900.00 on 2026-03-10, then P1 899.75 backdated to 2026-02-15.
t = date(2026, 3, 10)
pen1 = pen(I1P, DAILY, days(DUE1, t))           # 02-16..03-10 = 23 days
known_then = (pen1, I1I, D("900") - pen1 - I1I)
i2p = ROWS[1][2]
# Known now: installment 1 is paid, so 900.00 is an advance payment on installment 2
# (interest 110.64, principal 789.11) and its remaining 0.25 goes to installment 3's interest.
rest = D("900") - i2 - i2p
known_now = (D(0), i2 + min(rest, ROWS[2][3]), i2p)
show("backdated repayment reallocates P2", known_then_penalty_interest_principal=known_then,
     known_now_penalty_interest_principal=known_now)

# --- Overpayment after a backdated fact, then refund -------------------------------------
# Installment 1 paid on time (02-15). Log: payoff paid on 03-01 (9271.88), then 100.00
# backdated to 02-20 (advance interest on installment 2).
pay_0301 = nd + cur
cur_after = max(D(0), cur - D("100"))
payoff_then = nd + cur_after
show("backdated 100.00 on 02-20 makes the 03-01 payoff overpay",
     payoff_0301_now=payoff_then, overpaid=pay_0301 - payoff_then)

# --- Reversal ----------------------------------------------------------------------------
show("reversal of the only payment (899.75 on 02-15): as of 03-10",
     penalty=pen1, dpd=days(DUE1, t), overdue_principal=I1P, overdue_interest=I1I)

# --- Restructure after default -----------------------------------------------------------
tr = date(2026, 5, 20)
due = [r for r in ROWS if r[1] <= tr]
cap = sum(r[3] for r in due)
waived = sum(pen(r[2], DAILY, days(r[1], tr)) for r in due if days(r[1], tr) > 3)
notdue = sum(r[2] for r in ROWS if r[1] > tr)
dropped = r2(notdue * DAILY * days(due[-1][1], tr))
newp = P + cap
an, nrows = equal_installment(newp, DAILY, 24, tr)
show("restructure on 2026-05-20 into 24 months, nothing ever paid",
     capitalised=cap, waived_penalty=waived, dropped_interest=dropped, new_principal=newp,
     new_A=an, first=nrows[0], last=nrows[-1])

# --- Waiver oldest first, capped -------------------------------------------------------------
tw = date(2026, 4, 1)
w1 = pen(ROWS[0][2], DAILY, days(ROWS[0][1], tw))
w2 = pen(ROWS[1][2], DAILY, days(ROWS[1][1], tw))
show("penalty on 2026-04-01, nothing paid", installment1=w1, installment2=w2,
     total=w1 + w2, waiver_10_on_1=min(D(10), w1), waiver_10_on_2=max(D(0), D(10) - w1))

# --- Write-off and recoveries ------------------------------------------------------------
wi = cap
wp = waived
show("write-off on 2026-05-20, nothing paid", principal=P, interest=wi, penalty=wp,
     total=P + wi + wp)
rec = [D("6000"), D("4500"), D("1000")]
left = [P, wi, wp]
for amount in rec:
    split = []
    for j in range(3):
        part = min(amount, left[j])
        left[j] -= part
        amount -= part
        split.append(part)
    print(f"  recovery split principal/interest/penalty = {split}, overpaid = {amount}")

# --- More allocation and payoff examples asserted by the Swift tests ------------------------
adv = D("1000") - (I1I + I1P)
show("advance payment 1000.00 on 2026-02-15", to_installment2_interest=min(adv, i2),
     allocation_interest=I1I + min(adv, i2), allocation_principal=I1P)
t = date(2026, 3, 20)
pen_1 = pen(I1P, DAILY, days(DUE1, t))                  # 33 days
pen_2 = pen(ROWS[1][2], DAILY, days(ROWS[1][1], t))     # 5 days, overdue since 03-19
first_total = pen_1 + I1I + I1P
rest = D("920.80") - first_total
to_pen2 = min(rest, pen_2)
to_int2 = min(rest - to_pen2, i2)
show("920.80 on 2026-03-20, both installments overdue", installment1=(pen_1, I1I, I1P),
     installment2_penalty=pen_2, to_pen2=to_pen2, to_int2=to_int2,
     allocation=(pen_1 + to_pen2, I1I + to_int2, I1P), dpd_0401=days(ROWS[1][1], tw))
overdue_p = ROWS[0][2] + ROWS[1][2]
show("as of 2026-04-01, nothing paid", dpd=days(DUE1, tw), overdue_principal=overdue_p,
     overdue_interest=ROWS[0][3] + ROWS[1][3], overdue_penalty=w1 + w2)
due_int = I1I + r2(nd * DAILY * days(DUE1, t1))
show("payoff 2026-03-01, nothing paid", penalty=s1, interest=due_int, principal=P,
     amount=s1 + due_int + P)
show("zero grace: penalty on 2026-02-16", penalty=pen(I1P, DAILY, 1))
tw2 = date(2026, 7, 1)
show("write-off: accrual stops on 2026-05-20", installment1_penalty=pen(I1P, DAILY, 94),
     dpd_0701=days(DUE1, tw2))

# --- Partial payment in grace, then overdue: retroactive penalty per day's principal --------
g_paid_p = D("500") - I1I                                # 380.00 principal on 02-17
show("500.00 in grace on 2026-02-17, overdue from 02-19",
     stretch_0216_0217=pen(I1P, DAILY, 2), stretch_0218_0219=pen(I1P - g_paid_p, DAILY, 2),
     penalty_0219=pen(I1P, DAILY, 2) + pen(I1P - g_paid_p, DAILY, 2))

# --- Restructure credits interest paid in advance -------------------------------------------
tr2 = date(2026, 3, 1)
credit = D("1000") - I1I - I1P                           # 100.25 on installment 2's interest
np2 = P - I1P - credit
an2, nrows2 = equal_installment(np2, DAILY, 6, tr2)
show("1000.00 on 2026-02-15, restructured 2026-03-01 into 6 months",
     credited=credit, new_principal=np2, dropped=r2((P - I1P) * DAILY * 14), new_A=an2,
     first=nrows2[0], p1_allocation_after=(I1I, I1P + credit))
