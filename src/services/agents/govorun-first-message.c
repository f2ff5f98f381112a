/* govorun-first-message.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunFirstMessage"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "govorun-first-message.h"

/* Words are compared casefolded with ё read as е; stems cover the word
 * forms ("робот", "робота", "роботом"). A greeting sentence has at most
 * this many words. */
#define GREETING_MAX_WORDS 5
/* How near a "recorded" word must be to "call"/"conversation". */
#define RECORDING_WINDOW   3

static const char * const greeting_words[] = {
  "здравствуите", "здравствуи", "здравствуйте", "здравствуй", "добрыи", "добрый", "доброе", "доброго",
  "привет", "приветствую", "алло", "hello", "hi", "hey", "good", "greetings", NULL,
};

/* One word alone says "robot". */
static const char * const robot_stems[] = { "робот", "нейросет", "чатбот", "robot", "chatbot", NULL };
static const char * const robot_words[] = { "ии", "ai", "бот", "bot", NULL };
/* A qualifier followed (within two words) by a role says it too. */
static const char * const robot_qualifiers[] = {
  "виртуальн", "голосов", "цифров", "электронн", "автоматическ", "автоматизированн",
  "virtual", "voice", "digital", "automated", "ai", "ии", NULL,
};
static const char * const robot_roles[] = {
  "помощни", "ассистент", "секретар", "оператор", "консультант", "агент", "консьерж", "администратор",
  "менеджер", "assistant", "agent", "operator", "receptionist", "system", "secretary", "concierge", NULL,
};

static const char * const recording_stems[] = {
  "записыва", "записан", "запись", "записи", "записью", "аудиозапис", "звукозапис",
  "recorded", "recording", NULL,
};
static const char * const recording_context_stems[] = {
  "звонок", "звонка", "звонки", "звонков", "разговор", "бесед", "вызов", "ведется", "ведут",
  "идет", "осуществля", "производится", "call", "conversation", "this", "being", "may", "will", "line",
  NULL,
};

static gboolean
has_prefix_in (const char         *word,
               const char * const *stems)
{
  for (guint i = 0; stems[i] != NULL; i++)
    if (g_str_has_prefix (word, stems[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_in (const char         *word,
       const char * const *words)
{
  return g_strv_contains (words, word);
}

/* Casefolded, ё as е, {{variables}} dropped. */
static char *
normalize (const char *text,
           gssize      length)
{
  g_autofree char *folded = g_utf8_casefold (text, length);
  GString *out = g_string_new (NULL);
  const char *p = folded;

  while (*p != '\0')
    {
      gunichar c;

      if (g_str_has_prefix (p, "{{"))
        {
          const char *end = strstr (p + 2, "}}");

          if (end != NULL)
            {
              g_string_append_c (out, ' ');
              p = end + 2;
              continue;
            }
        }

      c = g_utf8_get_char (p);
      if (c == 0x0451 /* ё */)
        c = 0x0435 /* е */;
      else if (c == 0x0439 /* й */)
        c = 0x0438 /* и: "добрый"/"добрыи" typed either way */;
      g_string_append_unichar (out, c);
      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}

/* The words of a normalized text: runs of letters and digits. */
static GPtrArray *
words_of (const char *normalized)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *p = normalized;
  const char *start = NULL;

  for (;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean letter = c != 0 && g_unichar_isalnum (c);

      if (letter && start == NULL)
        start = p;
      else if (!letter && start != NULL)
        {
          g_ptr_array_add (words, g_strndup (start, p - start));
          start = NULL;
        }
      if (c == 0)
        break;
    }

  return words;
}

static gboolean
says_robot (GPtrArray *words)
{
  for (guint i = 0; i < words->len; i++)
    {
      const char *w = g_ptr_array_index (words, i);

      if (has_prefix_in (w, robot_stems) || is_in (w, robot_words))
        return TRUE;
      if (g_str_has_prefix (w, "искусственн") || g_str_equal (w, "artificial"))
        for (guint j = i + 1; j < MIN (words->len, i + 3); j++)
          {
            const char *next = g_ptr_array_index (words, j);

            if (g_str_has_prefix (next, "интеллект") || g_str_equal (next, "intelligence"))
              return TRUE;
          }
      if (has_prefix_in (w, robot_qualifiers))
        for (guint j = i + 1; j < MIN (words->len, i + 3); j++)
          if (has_prefix_in (g_ptr_array_index (words, j), robot_roles))
            return TRUE;
    }

  return FALSE;
}

static gboolean
says_recorded (GPtrArray *words)
{
  for (guint i = 0; i < words->len; i++)
    {
      guint from, to;

      if (!has_prefix_in (g_ptr_array_index (words, i), recording_stems))
        continue;

      /* "Ведётся аудиозапись" names the recording alone. */
      if (has_prefix_in (g_ptr_array_index (words, i), (const char * const []) { "аудиозапис", "звукозапис", NULL }))
        return TRUE;

      from = i > RECORDING_WINDOW ? i - RECORDING_WINDOW : 0;
      to = MIN (words->len, i + RECORDING_WINDOW + 1);
      for (guint j = from; j < to; j++)
        if (j != i && has_prefix_in (g_ptr_array_index (words, j), recording_context_stems))
          return TRUE;
    }

  return FALSE;
}

/* The length in bytes of the sentence at @text (its end mark and the
 * spaces after it included). */
static gsize
sentence_length (const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (c == '.' || c == '!' || c == '?' || c == 0x2026 /* … */)
        {
          gunichar after = g_utf8_get_char (next);

          if (after == 0 || g_unichar_isspace (after))
            {
              while (*next != '\0' && g_unichar_isspace (g_utf8_get_char (next)))
                next = g_utf8_next_char (next);
              return next - text;
            }
        }
      p = next;
    }

  return p - text;
}

static GovorunFirstMessageProblems
check_sentence (const char *text,
                gsize       length,
                gboolean   *out_greeting)
{
  g_autofree char *normalized = normalize (text, length);
  g_autoptr(GPtrArray) words = words_of (normalized);
  GovorunFirstMessageProblems problems = GOVORUN_FIRST_MESSAGE_OK;

  if (!says_robot (words))
    problems |= GOVORUN_FIRST_MESSAGE_NO_ROBOT;
  if (!says_recorded (words))
    problems |= GOVORUN_FIRST_MESSAGE_NO_RECORDING;

  if (out_greeting != NULL)
    *out_greeting = words->len > 0 && words->len <= GREETING_MAX_WORDS
                    && is_in (g_ptr_array_index (words, 0), greeting_words);

  return problems;
}

/**
 * govorun_first_message_check:
 * @first_message: (nullable): the agent's first message
 *
 * Returns: what the first sentence fails to say
 */
GovorunFirstMessageProblems
govorun_first_message_check (const char *first_message)
{
  const char *text = first_message != NULL ? first_message : "";
  GovorunFirstMessageProblems problems;
  gboolean greeting = FALSE;
  gsize length;

  while (*text != '\0' && g_unichar_isspace (g_utf8_get_char (text)))
    text = g_utf8_next_char (text);

  length = sentence_length (text);
  problems = check_sentence (text, length, &greeting);

  /* "Здравствуйте! Вы говорите с роботом, разговор записывается." */
  if (problems != GOVORUN_FIRST_MESSAGE_OK && greeting && text[length] != '\0')
    problems = check_sentence (text + length, sentence_length (text + length), NULL);

  return problems;
}

/**
 * govorun_first_message_fix:
 *
 * Returns: (transfer full): the message with a compliant sentence first
 */
char *
govorun_first_message_fix (const char *first_message,
                           const char *language)
{
  gboolean russian = language == NULL || g_str_has_prefix (language, "ru");
  const char *sentence = russian ?
    "Вы говорите с виртуальным помощником, разговор записывается." :
    "You are talking to a virtual assistant, and this call is recorded.";
  const char *text = first_message != NULL ? first_message : "";
  gboolean greeting = FALSE;
  g_autofree char *head = NULL;
  gsize length;

  if (govorun_first_message_check (text) == GOVORUN_FIRST_MESSAGE_OK)
    return g_strdup (text);

  while (*text != '\0' && g_unichar_isspace (g_utf8_get_char (text)))
    text = g_utf8_next_char (text);

  if (*text == '\0')
    return g_strconcat (russian ? "Здравствуйте! " : "Hello! ", sentence, NULL);

  length = sentence_length (text);
  check_sentence (text, length, &greeting);
  if (!greeting)
    return g_strconcat (sentence, " ", text, NULL);

  /* Keep the greeting first; it ends in its spaces already, or is all. */
  head = g_strstrip (g_strndup (text, length));
  if (text[length] == '\0')
    return g_strconcat (head, " ", sentence, NULL);
  return g_strconcat (head, " ", sentence, " ", text + length, NULL);
}

/**
 * govorun_first_message_describe:
 *
 * Returns: (transfer full) (nullable): a warning for people
 */
char *
govorun_first_message_describe (GovorunFirstMessageProblems problems)
{
  if ((problems & GOVORUN_FIRST_MESSAGE_NO_ROBOT) && (problems & GOVORUN_FIRST_MESSAGE_NO_RECORDING))
    return g_strdup (_("The first message does not tell callers in its first sentence that they are talking to a robot and that the call is recorded."));
  if (problems & GOVORUN_FIRST_MESSAGE_NO_ROBOT)
    return g_strdup (_("The first message does not tell callers in its first sentence that they are talking to a robot."));
  if (problems & GOVORUN_FIRST_MESSAGE_NO_RECORDING)
    return g_strdup (_("The first message does not tell callers in its first sentence that the call is recorded."));
  return NULL;
}
