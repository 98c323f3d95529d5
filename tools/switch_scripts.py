# Generates tests/e2e/two_switches.script and one_switch.script from one plan:
# STEP n is n scan steps (a key press, or wait 1500 with one switch), CHOOSE a
# press of the choosing switch.  python3 tools/switch_scripts.py two|one > FILE
import sys
plan = """
expect welcome
STEP 2
CHOOSE                  # the row of start (one item): start
expect language
STEP 2
CHOOSE                  # the row of English, Polski, Română
CHOOSE                  # English
expect consent
STEP 2
CHOOSE                  # the row of yes and no
CHOOSE                  # yes
expect question:positive
STEP 2
CHOOSE                  # the row of the mat
STEP 1
CHOOSE                  # pick up GP (after the pile it lies on)
STEP 3
CHOOSE                  # round to the row of the mat again
STEP 2
CHOOSE                  # good: GP placed
STEP 1
CHOOSE                  # the bottom row
STEP 2
CHOOSE                  # next
expect mat-left
STEP 2
CHOOSE                  # the row of place and go on
STEP 1
CHOOSE                  # go on without them
expect question:change
STEP 3
CHOOSE                  # the first row of pictures (under "in your own words")
CHOOSE                  # be listened to
STEP 1
CHOOSE                  # the second row of pictures
STEP 1
CHOOSE                  # kinder staff
STEP 1
CHOOSE                  # the bottom row
STEP 2
CHOOSE                  # next
expect question:barriers
STEP 5
CHOOSE                  # the bottom row
STEP 1
CHOOSE                  # I don't want to answer
expect question:involve
STEP 2
CHOOSE                  # the top rung's row
CHOOSE                  # share decisions as an equal partner
STEP 5
CHOOSE                  # the bottom row
STEP 2
CHOOSE                  # next
expect review
STEP 5
CHOOSE                  # the bottom row
STEP 1
CHOOSE                  # finish
expect thanks
"""
mode = sys.argv[1]
head = {"two": "# The whole forum survey with two switches: Space steps, Return chooses.\n# Run with --kiosk tests/e2e/two_switches.ini.\n",
        "one": "# The whole forum survey with one switch: the kiosk steps every 1.5 s by\n# itself (wait 1500 is one step); Return chooses. Run with --kiosk tests/e2e/one_switch.ini.\n"}[mode]
out = [head]
for line in plan.strip().splitlines():
    if line.startswith("STEP"):
        n = int(line.split()[1])
        out += ["key Space\n" if mode == "two" else "wait 1500\n"] * n
    elif line.startswith("CHOOSE"):
        out.append("key Return" + line[6:] + "\n")
    else:
        out.append(line + "\n")
sys.stdout.write("".join(out))
