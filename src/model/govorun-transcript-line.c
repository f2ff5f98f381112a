/* govorun-transcript-line.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-transcript-line.h"

struct _GovorunTranscriptLine
{
  GObject   parent_instance;

  gboolean  agent;
  char     *text;
  gboolean  tentative;
};

G_DEFINE_FINAL_TYPE (GovorunTranscriptLine, govorun_transcript_line, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AGENT,
  PROP_TEXT,
  PROP_TENTATIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
govorun_transcript_line_finalize (GObject *object)
{
  g_free (GOVORUN_TRANSCRIPT_LINE (object)->text);
  G_OBJECT_CLASS (govorun_transcript_line_parent_class)->finalize (object);
}

static void
govorun_transcript_line_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  GovorunTranscriptLine *self = GOVORUN_TRANSCRIPT_LINE (object);

  switch (prop_id)
    {
    case PROP_AGENT:
      g_value_set_boolean (value, self->agent);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_TENTATIVE:
      g_value_set_boolean (value, self->tentative);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
govorun_transcript_line_class_init (GovorunTranscriptLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = govorun_transcript_line_finalize;
  object_class->get_property = govorun_transcript_line_get_property;

  properties[PROP_AGENT] = g_param_spec_boolean ("agent", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TENTATIVE] = g_param_spec_boolean ("tentative", NULL, NULL, FALSE,
                                                     G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
govorun_transcript_line_init (GovorunTranscriptLine *self)
{
}

GovorunTranscriptLine *
govorun_transcript_line_new (gboolean    agent,
                             const char *text,
                             gboolean    tentative)
{
  GovorunTranscriptLine *self = g_object_new (GOVORUN_TYPE_TRANSCRIPT_LINE, NULL);

  self->agent = agent;
  self->text = g_strdup (text);
  self->tentative = tentative;
  return self;
}

gboolean
govorun_transcript_line_get_agent (GovorunTranscriptLine *self)
{
  g_return_val_if_fail (GOVORUN_IS_TRANSCRIPT_LINE (self), FALSE);
  return self->agent;
}

const char *
govorun_transcript_line_get_text (GovorunTranscriptLine *self)
{
  g_return_val_if_fail (GOVORUN_IS_TRANSCRIPT_LINE (self), NULL);
  return self->text;
}

gboolean
govorun_transcript_line_get_tentative (GovorunTranscriptLine *self)
{
  g_return_val_if_fail (GOVORUN_IS_TRANSCRIPT_LINE (self), FALSE);
  return self->tentative;
}

void
govorun_transcript_line_update (GovorunTranscriptLine *self,
                                const char            *text,
                                gboolean               tentative)
{
  g_return_if_fail (GOVORUN_IS_TRANSCRIPT_LINE (self));

  if (g_strcmp0 (self->text, text) != 0)
    {
      g_free (self->text);
      self->text = g_strdup (text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
    }
  if (self->tentative != !!tentative)
    {
      self->tentative = !!tentative;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TENTATIVE]);
    }
}
