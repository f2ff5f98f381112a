/* govorun-voice-agent.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "govorun-voice-agent.h"

struct _GovorunVoiceAgent
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  char    *first_message;
  char    *language;
  GStrv    dynamic_variable_names;
  char    *input_audio_format;
  char    *output_audio_format;
  GStrv    tags;
  char    *access_role;
};

G_DEFINE_FINAL_TYPE (GovorunVoiceAgent, govorun_voice_agent, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_FIRST_MESSAGE,
  PROP_LANGUAGE,
  PROP_DYNAMIC_VARIABLE_NAMES,
  PROP_INPUT_AUDIO_FORMAT,
  PROP_OUTPUT_AUDIO_FORMAT,
  PROP_TAGS,
  PROP_ACCESS_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
govorun_voice_agent_finalize (GObject *object)
{
  GovorunVoiceAgent *self = (GovorunVoiceAgent *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->first_message);
  g_free (self->language);
  g_strfreev (self->dynamic_variable_names);
  g_free (self->input_audio_format);
  g_free (self->output_audio_format);
  g_strfreev (self->tags);
  g_free (self->access_role);

  G_OBJECT_CLASS (govorun_voice_agent_parent_class)->finalize (object);
}

static void
govorun_voice_agent_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GovorunVoiceAgent *self = GOVORUN_VOICE_AGENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_FIRST_MESSAGE:
      g_value_set_string (value, self->first_message);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_DYNAMIC_VARIABLE_NAMES:
      g_value_set_boxed (value, self->dynamic_variable_names);
      break;
    case PROP_INPUT_AUDIO_FORMAT:
      g_value_set_string (value, self->input_audio_format);
      break;
    case PROP_OUTPUT_AUDIO_FORMAT:
      g_value_set_string (value, self->output_audio_format);
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    case PROP_ACCESS_ROLE:
      g_value_set_string (value, self->access_role);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* NULL lists become empty ones, so readers need no NULL check. */
static GStrv
dup_strv (const GValue *value)
{
  GStrv strv = g_value_dup_boxed (value);

  return strv != NULL ? strv : g_new0 (char *, 1);
}

static void
govorun_voice_agent_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GovorunVoiceAgent *self = GOVORUN_VOICE_AGENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_FIRST_MESSAGE:
      self->first_message = g_value_dup_string (value);
      break;
    case PROP_LANGUAGE:
      self->language = g_value_dup_string (value);
      break;
    case PROP_DYNAMIC_VARIABLE_NAMES:
      self->dynamic_variable_names = dup_strv (value);
      break;
    case PROP_INPUT_AUDIO_FORMAT:
      self->input_audio_format = g_value_dup_string (value);
      break;
    case PROP_OUTPUT_AUDIO_FORMAT:
      self->output_audio_format = g_value_dup_string (value);
      break;
    case PROP_TAGS:
      self->tags = dup_strv (value);
      break;
    case PROP_ACCESS_ROLE:
      self->access_role = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
strv_property (const char *name)
{
  return g_param_spec_boxed (name, NULL, NULL, G_TYPE_STRV,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
}

static void
govorun_voice_agent_class_init (GovorunVoiceAgentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = govorun_voice_agent_finalize;
  object_class->get_property = govorun_voice_agent_get_property;
  object_class->set_property = govorun_voice_agent_set_property;

  properties[PROP_ID] = string_property ("id");
  properties[PROP_NAME] = string_property ("name");
  properties[PROP_FIRST_MESSAGE] = string_property ("first-message");
  properties[PROP_LANGUAGE] = string_property ("language");
  properties[PROP_DYNAMIC_VARIABLE_NAMES] = strv_property ("dynamic-variable-names");
  properties[PROP_INPUT_AUDIO_FORMAT] = string_property ("input-audio-format");
  properties[PROP_OUTPUT_AUDIO_FORMAT] = string_property ("output-audio-format");
  properties[PROP_TAGS] = strv_property ("tags");
  properties[PROP_ACCESS_ROLE] = string_property ("access-role");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
govorun_voice_agent_init (GovorunVoiceAgent *self)
{
}

const char *
govorun_voice_agent_get_id (GovorunVoiceAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_VOICE_AGENT (self), NULL);

  return self->id;
}

const char *
govorun_voice_agent_get_name (GovorunVoiceAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_VOICE_AGENT (self), NULL);

  return self->name;
}

const char *
govorun_voice_agent_get_first_message (GovorunVoiceAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_VOICE_AGENT (self), NULL);

  return self->first_message != NULL ? self->first_message : "";
}

const char *
govorun_voice_agent_get_language (GovorunVoiceAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_VOICE_AGENT (self), NULL);

  return self->language;
}

const char * const *
govorun_voice_agent_get_dynamic_variable_names (GovorunVoiceAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_VOICE_AGENT (self), NULL);

  return (const char * const *) self->dynamic_variable_names;
}

const char *
govorun_voice_agent_get_input_audio_format (GovorunVoiceAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_VOICE_AGENT (self), NULL);

  return self->input_audio_format;
}

const char *
govorun_voice_agent_get_output_audio_format (GovorunVoiceAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_VOICE_AGENT (self), NULL);

  return self->output_audio_format;
}

const char * const *
govorun_voice_agent_get_tags (GovorunVoiceAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_VOICE_AGENT (self), NULL);

  return (const char * const *) self->tags;
}

const char *
govorun_voice_agent_get_access_role (GovorunVoiceAgent *self)
{
  g_return_val_if_fail (GOVORUN_IS_VOICE_AGENT (self), NULL);

  return self->access_role;
}
