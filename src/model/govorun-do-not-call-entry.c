/* govorun-do-not-call-entry.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-do-not-call-entry.h"

struct _GovorunDoNotCallEntry
{
  GObject  parent_instance;

  char    *number;
  char    *note;
  gint64   added_at;
};

G_DEFINE_FINAL_TYPE (GovorunDoNotCallEntry, govorun_do_not_call_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_NOTE,
  PROP_ADDED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
govorun_do_not_call_entry_finalize (GObject *object)
{
  GovorunDoNotCallEntry *self = GOVORUN_DO_NOT_CALL_ENTRY (object);

  g_free (self->number);
  g_free (self->note);

  G_OBJECT_CLASS (govorun_do_not_call_entry_parent_class)->finalize (object);
}

static void
govorun_do_not_call_entry_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  GovorunDoNotCallEntry *self = GOVORUN_DO_NOT_CALL_ENTRY (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_ADDED_AT:
      g_value_set_int64 (value, self->added_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_do_not_call_entry_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  GovorunDoNotCallEntry *self = GOVORUN_DO_NOT_CALL_ENTRY (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      self->number = g_value_dup_string (value);
      break;
    case PROP_NOTE:
      self->note = g_value_dup_string (value);
      break;
    case PROP_ADDED_AT:
      self->added_at = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_do_not_call_entry_class_init (GovorunDoNotCallEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = govorun_do_not_call_entry_finalize;
  object_class->get_property = govorun_do_not_call_entry_get_property;
  object_class->set_property = govorun_do_not_call_entry_set_property;

  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADDED_AT] =
    g_param_spec_int64 ("added-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
govorun_do_not_call_entry_init (GovorunDoNotCallEntry *self)
{
}

GovorunDoNotCallEntry *
govorun_do_not_call_entry_new (const char *number,
                               const char *note,
                               gint64      added_at)
{
  g_return_val_if_fail (number != NULL, NULL);

  return g_object_new (GOVORUN_TYPE_DO_NOT_CALL_ENTRY,
                       "number", number,
                       "note", note,
                       "added-at", added_at,
                       NULL);
}

const char *
govorun_do_not_call_entry_get_number (GovorunDoNotCallEntry *self)
{
  g_return_val_if_fail (GOVORUN_IS_DO_NOT_CALL_ENTRY (self), NULL);

  return self->number;
}

const char *
govorun_do_not_call_entry_get_note (GovorunDoNotCallEntry *self)
{
  g_return_val_if_fail (GOVORUN_IS_DO_NOT_CALL_ENTRY (self), NULL);

  return self->note;
}

gint64
govorun_do_not_call_entry_get_added_at (GovorunDoNotCallEntry *self)
{
  g_return_val_if_fail (GOVORUN_IS_DO_NOT_CALL_ENTRY (self), 0);

  return self->added_at;
}
