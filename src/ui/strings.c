/* strings.c: the kiosk's own words; see strings.h. */
#include "ui/strings.h"

static const char *const english[STR_COUNT] = {
    [STR_WELCOME_TITLE] = "Have your say",
    [STR_WELCOME_BODY] = "Tell us what you think about services. It takes a few minutes. You can use pictures.",
    [STR_START] = "Start",
    [STR_WELCOME_PROMPT] = "Welcome. Have your say about services. Touch Start to begin.",
    [STR_LANGUAGE_TITLE] = "Choose your language",
    [STR_CONSENT_TITLE] = "Before you start",
    [STR_CONSENT_ANONYMOUS] = "Your answers are anonymous. We do not ask your name.",
    [STR_CONSENT_STOP] = "You can stop at any time.",
    [STR_CONSENT_QUESTION] = "Do you want to start?",
    [STR_YES_START] = "Yes",
    [STR_NO_START] = "No",
    [STR_LISTEN] = "Listen",
    [STR_LISTEN_SPOKEN] = "Listen again",
    [STR_STOP] = "Stop",
    [STR_STOP_SPOKEN] = "Stop. Your answers so far are kept.",
    [STR_BACK] = "Back",
    [STR_NEXT] = "Next",
    [STR_SKIP] = "I don't want to answer",
    [STR_SKIP_TOPIC] = "Skip this one",
    [STR_FINISH] = "Finish",
    [STR_PROGRESS] = "Question %d of %d",
    [STR_MAT_ALL_DONE] = "All done. Touch Next.",
    [STR_MAT_SKIPPED] = "Skipped",
    [STR_MAT_PLACE_HINT] = "Where does %s go?",
    [STR_REVIEW_TITLE] = "Here is what you said",
    [STR_REVIEW_PROMPT] = "Here is what you said. Touch an answer to change it. Touch Finish when you are done.",
    [STR_REVIEW_SKIPPED] = "Skipped",
    [STR_REVIEW_CHANGE] = "Change",
    [STR_THANKS_TITLE] = "Thank you",
    [STR_THANKS_BODY] = "Your answers are saved. The forum will use them to change services.",
    [STR_THANKS_DONE] = "Done",
    [STR_STILL_THERE_TITLE] = "Are you still there?",
    [STR_STILL_THERE_YES] = "Yes, I am here",
    [STR_STILL_THERE_NO] = "No, I have finished",
    [STR_STILL_THERE_PROMPT] = "Are you still there? Touch yes to carry on.",
    [STR_SAVE_PROBLEM] = "Not saved yet: %s",
    [STR_CONTRAST] = "Change the colours",
    [STR_TEXT_SIZE] = "Change the size of the writing",
};

const char *ui_string(UiString id)
{
    if (id < 0 || id >= STR_COUNT || !english[id])
        return "";
    return english[id];
}
