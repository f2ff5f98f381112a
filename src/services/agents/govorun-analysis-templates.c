/* govorun-analysis-templates.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAnalysisTemplates"

#include "config.h"

#include <glib/gi18n.h>

#include "govorun-analysis-templates.h"

/* The templates are data: the prompts and descriptions are what the
 * ElevenLabs model reads after each call, in Russian, so the results (and
 * the collected values people filter by) come back in Russian. Ids and
 * field names stay ASCII: they are keys in results and exports. */

typedef struct
{
  const char *name;
  const char *type;
  const char *description;
} TemplateField;

typedef struct
{
  const char          *id;
  const char          *title;        /* N_() */
  const char          *goal_prompt;
  const char          *outcome;      /* the outcome field's description */
  const char          *date;         /* the appointment date field's description */
  const char          *need;         /* the client need field's description */
} Template;

#define URGENCY_DESCRIPTION \
  "Насколько срочно клиенту нужна помощь: ровно одно слово из «низкая», «средняя», «высокая». " \
  "«Высокая» — если клиент говорит о боли, аварии, поломке, сроке сегодня или завтра."
#define NEXT_STEP_DESCRIPTION \
  "Что нужно сделать компании после звонка, одной фразой в повелительном наклонении, например " \
  "«Перезвонить завтра после 15:00» или «Отправить счёт на почту». Пусто, если ничего не нужно."
#define TAGS_DESCRIPTION \
  "Два-пять коротких тегов через запятую в нижнем регистре, описывающих тему звонка, " \
  "например «запись, повторный визит, скидка»."
#define SATISFIED_PROMPT \
  "Клиент доволен разговором: к концу звонка он спокоен или благодарит, не жалуется, не требует " \
  "соединить с человеком и не бросает трубку в раздражении. Если клиент почти ничего не сказал, ответ — unknown."
#define DISCLOSED_PROMPT \
  "Агент в самом начале разговора, в первой фразе, сообщил, что клиент говорит с роботом " \
  "(виртуальным или голосовым помощником, искусственным интеллектом), и предупредил, что разговор " \
  "записывается. Если хотя бы одного из двух сообщений не было — failure."

static const Template templates[] = {
  {
    "clinic", N_("Clinic"),
    "Клиент записан на приём к врачу или на процедуру: согласованы специалист или услуга, дата и время, "
    "и агент повторил их клиенту. Перенос или отмена записи по просьбе клиента тоже считается успехом.",
    "Итог звонка одной фразой: записан на приём, перенёс запись, отменил запись, получил консультацию "
    "по услугам и ценам, отказался или не удалось понять.",
    "Дата и время приёма, о которых договорились, в формате ГГГГ-ММ-ДД ЧЧ:ММ. Пусто, если запись не состоялась.",
    "Что беспокоит пациента или какая услуга ему нужна, своими словами, без диагнозов.",
  },
  {
    "hotel", N_("Hotel"),
    "Гость забронировал номер или получил ответ на свой вопрос о проживании: согласованы даты заезда "
    "и выезда, тип номера и число гостей, агент назвал стоимость.",
    "Итог звонка одной фразой: забронировал номер, изменил бронь, отменил бронь, узнал цены и условия, "
    "отказался или не удалось понять.",
    "Дата заезда, о которой договорились, в формате ГГГГ-ММ-ДД. Пусто, если бронирования не было.",
    "Что нужно гостю: даты, тип номера, число гостей, трансфер, питание, особые пожелания.",
  },
  {
    "workshop", N_("Workshop"),
    "Клиент записан на ремонт или диагностику: понятно, что сломалось, согласованы дата и время визита "
    "или выезда мастера, агент назвал ориентировочную стоимость или сказал, когда её сообщат.",
    "Итог звонка одной фразой: записан на ремонт, записан на диагностику, узнал статус заказа, "
    "узнал цену, отказался или не удалось понять.",
    "Дата и время визита или выезда мастера в формате ГГГГ-ММ-ДД ЧЧ:ММ. Пусто, если записи не было.",
    "Что сломалось или что нужно сделать: устройство или машина, марка, признаки неисправности.",
  },
  {
    "sales", N_("Sales"),
    "Клиент проявил интерес и согласился на следующий шаг: встречу, демонстрацию, отправку предложения "
    "или счёта, повторный звонок в названное время. Вежливый отказ — failure.",
    "Итог звонка одной фразой: согласился на встречу, попросил предложение, купил, попросил перезвонить, "
    "не интересно, не тот человек или не удалось понять.",
    "Дата и время встречи, демонстрации или повторного звонка в формате ГГГГ-ММ-ДД ЧЧ:ММ. Пусто, если не договорились.",
    "Какая задача у клиента и что ему интересно в предложении; возражения, если были.",
  },
  {
    "debt", N_("Debt Reminders"),
    "Клиент подтвердил, что знает о задолженности, и назвал дату, к которой оплатит, или сообщил, что "
    "уже оплатил. Агент вежлив, не угрожает и не раскрывает сведения о долге третьим лицам; если к "
    "телефону подошёл не должник, агент не говорит о долге, и это тоже успех.",
    "Итог звонка одной фразой: обещал оплатить, уже оплатил, просит рассрочку, оспаривает долг, "
    "ответил не должник, отказался или не удалось понять.",
    "Дата, к которой клиент обещал оплатить, в формате ГГГГ-ММ-ДД. Пусто, если даты не назвал.",
    "Почему не оплачено и что нужно клиенту: отсрочка, рассрочка, реквизиты, документы.",
  },
};

void
govorun_analysis_change_free (GovorunAnalysisChange *change)
{
  if (change == NULL)
    return;

  g_free (change->name);
  g_free (change);
}

static const Template *
find_template (const char *template_id)
{
  for (gsize i = 0; i < G_N_ELEMENTS (templates); i++)
    if (g_strcmp0 (templates[i].id, template_id) == 0)
      return &templates[i];
  return NULL;
}

const char * const *
govorun_analysis_template_ids (void)
{
  static const char * const ids[] = { "clinic", "hotel", "workshop", "sales", "debt", NULL };

  return ids;
}

const char *
govorun_analysis_template_title (const char *template_id)
{
  const Template *template = find_template (template_id);

  return template != NULL ? _(template->title) : NULL;
}

static void
add_change (GPtrArray                 *changes,
            GovorunAnalysisChangeKind  kind,
            gboolean                   is_field,
            const char                *name)
{
  GovorunAnalysisChange *change = g_new0 (GovorunAnalysisChange, 1);

  change->kind = kind;
  change->is_field = is_field;
  change->name = g_strdup (name);
  g_ptr_array_add (changes, change);
}

static void
merge_criterion (GovorunAnalysisSettings *settings,
                 GPtrArray               *changes,
                 GHashTable              *touched,
                 const char              *id,
                 const char              *name,
                 const char              *prompt)
{
  GovorunAnalysisCriterion *have = govorun_analysis_settings_find_criterion (settings, id);

  g_hash_table_add (touched, g_strconcat ("c:", id, NULL));
  if (have == NULL)
    {
      g_ptr_array_add (settings->criteria, govorun_analysis_criterion_new (id, name, prompt));
      add_change (changes, GOVORUN_ANALYSIS_CHANGE_ADDED, FALSE, name);
    }
  else if (g_strcmp0 (have->name, name) != 0 || g_strcmp0 (have->prompt, prompt) != 0)
    {
      g_free (have->name);
      have->name = g_strdup (name);
      g_free (have->prompt);
      have->prompt = g_strdup (prompt);
      add_change (changes, GOVORUN_ANALYSIS_CHANGE_REPLACED, FALSE, name);
    }
  else
    add_change (changes, GOVORUN_ANALYSIS_CHANGE_KEPT, FALSE, name);
}

static void
merge_field (GovorunAnalysisSettings *settings,
             GPtrArray               *changes,
             GHashTable              *touched,
             const TemplateField     *wanted)
{
  GovorunAnalysisField *have = govorun_analysis_settings_find_field (settings, wanted->name);

  g_hash_table_add (touched, g_strconcat ("f:", wanted->name, NULL));
  if (have == NULL)
    {
      g_ptr_array_add (settings->fields, govorun_analysis_field_new (wanted->name, wanted->type, wanted->description));
      add_change (changes, GOVORUN_ANALYSIS_CHANGE_ADDED, TRUE, wanted->name);
    }
  else if (g_strcmp0 (have->type, wanted->type) != 0 || g_strcmp0 (have->description, wanted->description) != 0)
    {
      g_free (have->type);
      have->type = g_strdup (wanted->type);
      g_free (have->description);
      have->description = g_strdup (wanted->description);
      add_change (changes, GOVORUN_ANALYSIS_CHANGE_REPLACED, TRUE, wanted->name);
    }
  else
    add_change (changes, GOVORUN_ANALYSIS_CHANGE_KEPT, TRUE, wanted->name);
}

/**
 * govorun_analysis_template_apply:
 *
 * Returns: (transfer full) (nullable): the merged settings
 */
GovorunAnalysisSettings *
govorun_analysis_template_apply (const char                     *template_id,
                                 const GovorunAnalysisSettings  *current,
                                 GPtrArray                     **out_changes)
{
  const Template *template = find_template (template_id);
  g_autoptr(GovorunAnalysisSettings) merged = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GHashTable) touched = NULL;

  g_return_val_if_fail (current != NULL, NULL);

  if (template == NULL)
    return NULL;

  merged = govorun_analysis_settings_copy (current);
  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_analysis_change_free);
  touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  merge_criterion (merged, changes, touched, "goal_reached", "Цель звонка достигнута", template->goal_prompt);
  merge_criterion (merged, changes, touched, "client_satisfied", "Клиент доволен", SATISFIED_PROMPT);
  merge_criterion (merged, changes, touched, "robot_disclosed", "Робот представился и предупредил о записи",
                   DISCLOSED_PROMPT);

  {
    const TemplateField fields[] = {
      { "outcome", GOVORUN_DATA_TYPE_STRING, template->outcome },
      { "appointment_date", GOVORUN_DATA_TYPE_STRING, template->date },
      { "client_need", GOVORUN_DATA_TYPE_STRING, template->need },
      { "urgency", GOVORUN_DATA_TYPE_STRING, URGENCY_DESCRIPTION },
      { "next_step", GOVORUN_DATA_TYPE_STRING, NEXT_STEP_DESCRIPTION },
      { "tags", GOVORUN_DATA_TYPE_STRING, TAGS_DESCRIPTION },
    };

    for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
      merge_field (merged, changes, touched, &fields[i]);
  }

  /* What the agent had besides stays, and the confirmation says so. */
  for (guint i = 0; i < current->criteria->len; i++)
    {
      GovorunAnalysisCriterion *c = g_ptr_array_index (current->criteria, i);
      g_autofree char *key = g_strconcat ("c:", c->id, NULL);

      if (!g_hash_table_contains (touched, key))
        add_change (changes, GOVORUN_ANALYSIS_CHANGE_KEPT, FALSE, c->name);
    }
  for (guint i = 0; i < current->fields->len; i++)
    {
      GovorunAnalysisField *f = g_ptr_array_index (current->fields, i);
      g_autofree char *key = g_strconcat ("f:", f->name, NULL);

      if (!g_hash_table_contains (touched, key))
        add_change (changes, GOVORUN_ANALYSIS_CHANGE_KEPT, TRUE, f->name);
    }

  if (out_changes != NULL)
    *out_changes = g_steal_pointer (&changes);

  return g_steal_pointer (&merged);
}

gboolean
govorun_analysis_changes_any (GPtrArray *changes)
{
  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      GovorunAnalysisChange *change = g_ptr_array_index (changes, i);

      if (change->kind != GOVORUN_ANALYSIS_CHANGE_KEPT)
        return TRUE;
    }
  return FALSE;
}
