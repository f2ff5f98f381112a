/* govorun-call-record.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-call-record.h"

struct _GovorunCallRecord
{
  GObject               parent_instance;

  gboolean              placeholder;
  gint64                id;
  gint64                vox_session_id;
  gint64                vox_call_id;
  char                 *el_conversation_id;
  char                 *agent_uuid;
  char                 *el_agent_name;
  char                 *vox_application_name;
  gint64                campaign_id;
  gint64                contact_id;
  GovorunCallDirection  direction;
  char                 *from_number;
  char                 *to_number;
  gint64                started_at;
  guint                 duration;
  GovorunCallStatus     status;
  char                 *finish_reason;
  GovorunCallSuccess    success;
  double                vox_cost;
  char                 *vox_currency;
  double                el_cost;
  char                 *el_currency;
  gboolean              has_recording;
  char                 *summary;
  GPtrArray            *transcript;
  GovorunCallInfo   *details;
};

G_DEFINE_FINAL_TYPE (GovorunCallRecord, govorun_call_record, G_TYPE_OBJECT)

static void
govorun_call_record_finalize (GObject *object)
{
  GovorunCallRecord *self = GOVORUN_CALL_RECORD (object);

  g_free (self->el_conversation_id);
  g_free (self->agent_uuid);
  g_free (self->el_agent_name);
  g_free (self->vox_application_name);
  g_free (self->from_number);
  g_free (self->to_number);
  g_free (self->finish_reason);
  g_free (self->vox_currency);
  g_free (self->el_currency);
  g_free (self->summary);
  g_clear_pointer (&self->transcript, g_ptr_array_unref);
  g_clear_pointer (&self->details, govorun_call_info_free);

  G_OBJECT_CLASS (govorun_call_record_parent_class)->finalize (object);
}

static void
govorun_call_record_class_init (GovorunCallRecordClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = govorun_call_record_finalize;
}

static void
govorun_call_record_init (GovorunCallRecord *self)
{
}

GovorunCallRecord *
govorun_call_record_new (void)
{
  return g_object_new (GOVORUN_TYPE_CALL_RECORD, NULL);
}

GovorunCallRecord *
govorun_call_record_new_placeholder (void)
{
  GovorunCallRecord *self = govorun_call_record_new ();

  self->placeholder = TRUE;
  return self;
}

gboolean
govorun_call_record_is_placeholder (GovorunCallRecord *self)
{
  g_return_val_if_fail (GOVORUN_IS_CALL_RECORD (self), FALSE);
  return self->placeholder;
}

/* The accessors are all alike: one pair of macros per field type keeps
 * them in one screen. */
#define SCALAR_FIELD(type, name)                                              \
  type                                                                        \
  govorun_call_record_get_##name (GovorunCallRecord *self)                    \
  {                                                                           \
    g_return_val_if_fail (GOVORUN_IS_CALL_RECORD (self), 0);                  \
    return self->name;                                                        \
  }                                                                           \
  void                                                                        \
  govorun_call_record_set_##name (GovorunCallRecord *self,                    \
                                  type               value)                   \
  {                                                                           \
    g_return_if_fail (GOVORUN_IS_CALL_RECORD (self));                         \
    self->name = value;                                                       \
  }

#define STRING_FIELD(name)                                                    \
  const char *                                                                \
  govorun_call_record_get_##name (GovorunCallRecord *self)                    \
  {                                                                           \
    g_return_val_if_fail (GOVORUN_IS_CALL_RECORD (self), NULL);               \
    return self->name;                                                        \
  }                                                                           \
  void                                                                        \
  govorun_call_record_set_##name (GovorunCallRecord *self,                    \
                                  const char        *value)                   \
  {                                                                           \
    g_return_if_fail (GOVORUN_IS_CALL_RECORD (self));                         \
    if (self->name != value)                                                  \
      {                                                                       \
        g_free (self->name);                                                  \
        self->name = g_strdup (value);                                        \
      }                                                                       \
  }

SCALAR_FIELD (gint64, id)
SCALAR_FIELD (gint64, vox_session_id)
SCALAR_FIELD (gint64, vox_call_id)
STRING_FIELD (el_conversation_id)
STRING_FIELD (agent_uuid)
STRING_FIELD (el_agent_name)
STRING_FIELD (vox_application_name)
SCALAR_FIELD (gint64, campaign_id)
SCALAR_FIELD (gint64, contact_id)
SCALAR_FIELD (GovorunCallDirection, direction)
STRING_FIELD (from_number)
STRING_FIELD (to_number)
SCALAR_FIELD (gint64, started_at)
SCALAR_FIELD (guint, duration)
SCALAR_FIELD (GovorunCallStatus, status)
STRING_FIELD (finish_reason)
SCALAR_FIELD (GovorunCallSuccess, success)
SCALAR_FIELD (gboolean, has_recording)
STRING_FIELD (summary)

double
govorun_call_record_get_vox_cost (GovorunCallRecord *self)
{
  g_return_val_if_fail (GOVORUN_IS_CALL_RECORD (self), 0);
  return self->vox_cost;
}

const char *
govorun_call_record_get_vox_currency (GovorunCallRecord *self)
{
  g_return_val_if_fail (GOVORUN_IS_CALL_RECORD (self), NULL);
  return self->vox_currency;
}

void
govorun_call_record_set_vox_cost (GovorunCallRecord *self,
                                  double             cost,
                                  const char        *currency)
{
  g_return_if_fail (GOVORUN_IS_CALL_RECORD (self));
  self->vox_cost = cost;
  g_free (self->vox_currency);
  self->vox_currency = g_strdup (currency);
}

double
govorun_call_record_get_el_cost (GovorunCallRecord *self)
{
  g_return_val_if_fail (GOVORUN_IS_CALL_RECORD (self), 0);
  return self->el_cost;
}

const char *
govorun_call_record_get_el_currency (GovorunCallRecord *self)
{
  g_return_val_if_fail (GOVORUN_IS_CALL_RECORD (self), NULL);
  return self->el_currency;
}

void
govorun_call_record_set_el_cost (GovorunCallRecord *self,
                                 double             cost,
                                 const char        *currency)
{
  g_return_if_fail (GOVORUN_IS_CALL_RECORD (self));
  self->el_cost = cost;
  g_free (self->el_currency);
  self->el_currency = g_strdup (currency);
}

GPtrArray *
govorun_call_record_get_transcript (GovorunCallRecord *self)
{
  g_return_val_if_fail (GOVORUN_IS_CALL_RECORD (self), NULL);
  return self->transcript;
}

/**
 * govorun_call_record_set_transcript:
 * @self: a #GovorunCallRecord
 * @turns: (nullable) (transfer none): a GPtrArray of #GovorunCallTurn that
 *   frees its elements; %NULL when not known
 */
void
govorun_call_record_set_transcript (GovorunCallRecord *self,
                                    GPtrArray         *turns)
{
  g_return_if_fail (GOVORUN_IS_CALL_RECORD (self));

  if (turns != NULL)
    g_ptr_array_ref (turns);
  g_clear_pointer (&self->transcript, g_ptr_array_unref);
  self->transcript = turns;
}

const GovorunCallInfo *
govorun_call_record_get_info (GovorunCallRecord *self)
{
  g_return_val_if_fail (GOVORUN_IS_CALL_RECORD (self), NULL);
  return self->details;
}

void
govorun_call_record_set_info (GovorunCallRecord        *self,
                                 const GovorunCallInfo *details)
{
  g_return_if_fail (GOVORUN_IS_CALL_RECORD (self));

  if (details == self->details)
    return;
  g_clear_pointer (&self->details, govorun_call_info_free);
  if (details != NULL)
    self->details = govorun_call_info_copy (details);
}

void
govorun_call_record_take_info (GovorunCallRecord *self,
                               GovorunCallInfo   *details)
{
  g_return_if_fail (GOVORUN_IS_CALL_RECORD (self));

  if (details == self->details)
    return;
  g_clear_pointer (&self->details, govorun_call_info_free);
  self->details = details;
}
