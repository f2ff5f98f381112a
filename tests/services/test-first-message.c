/* test-first-message.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>

#include "govorun-first-message.h"

/* The first sentence must say "robot" and "recorded", in Russian or
 * English, in any word form. */

#define OK        GOVORUN_FIRST_MESSAGE_OK
#define NO_ROBOT  GOVORUN_FIRST_MESSAGE_NO_ROBOT
#define NO_REC    GOVORUN_FIRST_MESSAGE_NO_RECORDING

typedef struct
{
  const char                  *text;
  GovorunFirstMessageProblems  expected;
} Case;

static void
run_cases (const Case *cases,
           gsize       n)
{
  for (gsize i = 0; i < n; i++)
    {
      GovorunFirstMessageProblems got = govorun_first_message_check (cases[i].text);

      if (got != cases[i].expected)
        g_error ("“%s”: expected %d, got %d", cases[i].text, cases[i].expected, got);
    }
}

static void
test_russian (void)
{
  static const Case cases[] = {
    { "Здравствуйте! Вы говорите с виртуальным помощником, разговор записывается.", OK },
    { "Добрый день, это голосовой помощник клиники «Здоровье», звонок записывается.", OK },
    { "Это робот компании, ведётся запись разговора.", OK },
    { "Это робот компании, ведется запись разговора.", OK },
    { "ЭТО РОБОТ. Звонок записывается.", NO_REC },   /* the recording is in the second sentence */
    { "Вас приветствует искусственный интеллект салона; наш разговор будет записан.", OK },
    { "Здравствуйте, {{name}}! С вами говорит голосовой ассистент, беседа записывается.", OK },
    { "Алло! Это ИИ-помощник банка, ведётся аудиозапись.", OK },
    { "Здравствуйте! Меня зовут Анна, я администратор клиники.", NO_ROBOT | NO_REC },
    { "Здравствуйте! Это виртуальный помощник. Чем могу помочь?", NO_REC },
    { "Это клиника «Улыбка», разговор записывается.", NO_ROBOT },
    /* "записаться на приём" is not a recording notice */
    { "Это виртуальный помощник, хотите записаться на приём по телефону?", NO_REC },
    { "Роботом озвучено: звонки записываются.", OK },
    { "Здравствуйте! Это виртуальный консьерж гостиницы «Роял». Разговор записывается.", NO_REC },
    { "Здравствуйте! Это виртуальный консьерж гостиницы «Роял», разговор записывается.", OK },
    { "", NO_ROBOT | NO_REC },
    { NULL, NO_ROBOT | NO_REC },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_english (void)
{
  static const Case cases[] = {
    { "Hello! You are talking to a virtual assistant, and this call is recorded.", OK },
    { "Hi, this is an AI assistant from Acme; this call may be recorded.", OK },
    { "This is an automated system, and the conversation is being recorded.", OK },
    { "Good afternoon. I'm a robot and calls are recorded for quality.", OK },
    { "Hello, this is Anna from Acme. How can I help?", NO_ROBOT | NO_REC },
    { "Hello, this is Acme's voice assistant. How can I help?", NO_REC },
    { "This call is recorded. I am a robot.", NO_ROBOT },
    { "Hello! I'll record your order now.", NO_ROBOT | NO_REC },
    { "Hello! This is the hotel's AI concierge. This call is recorded.", NO_REC },
    { "Hello! This is the hotel's virtual concierge, and this call is being recorded.", OK },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_fix (void)
{
  static const struct { const char *text; const char *language; const char *expected; } cases[] = {
    { "Здравствуйте! Чем могу помочь?", "ru",
      "Здравствуйте! Вы говорите с виртуальным помощником, разговор записывается. Чем могу помочь?" },
    { "Клиника «Улыбка», чем могу помочь?", "ru",
      "Вы говорите с виртуальным помощником, разговор записывается. Клиника «Улыбка», чем могу помочь?" },
    { "Добрый день!", "ru-RU", "Добрый день! Вы говорите с виртуальным помощником, разговор записывается." },
    { "", "ru", "Здравствуйте! Вы говорите с виртуальным помощником, разговор записывается." },
    { "Hello! How can I help?", "en",
      "Hello! You are talking to a virtual assistant, and this call is recorded. How can I help?" },
    { "How can I help?", "de", "You are talking to a virtual assistant, and this call is recorded. How can I help?" },
    /* Compliant already: unchanged */
    { "Это робот, звонок записывается.", "ru", "Это робот, звонок записывается." },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *fixed = govorun_first_message_fix (cases[i].text, cases[i].language);

      g_assert_cmpstr (fixed, ==, cases[i].expected);
      g_assert_cmpint (govorun_first_message_check (fixed), ==, OK);
    }
}

static void
test_describe (void)
{
  g_autofree char *both = govorun_first_message_describe (NO_ROBOT | NO_REC);
  g_autofree char *robot = govorun_first_message_describe (NO_ROBOT);
  g_autofree char *rec = govorun_first_message_describe (NO_REC);

  g_assert_null (govorun_first_message_describe (OK));
  g_assert_nonnull (both);
  g_assert_nonnull (robot);
  g_assert_nonnull (rec);
  g_assert_cmpstr (both, !=, robot);
  g_assert_cmpstr (robot, !=, rec);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Govorun/FirstMessage/russian", test_russian);
  g_test_add_func ("/Govorun/FirstMessage/english", test_english);
  g_test_add_func ("/Govorun/FirstMessage/fix", test_fix);
  g_test_add_func ("/Govorun/FirstMessage/describe", test_describe);

  return g_test_run ();
}
