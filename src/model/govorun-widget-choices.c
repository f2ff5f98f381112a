/* govorun-widget-choices.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "govorun-widget-choices.h"

struct _GovorunWidgetChoices
{
  GObject                 parent_instance;

  char                   *agent_id;
  char                   *language;
  GovorunWidgetVariant    variant;
  GovorunWidgetPlacement  placement;
  char                   *colors[GOVORUN_WIDGET_N_COLORS];
  char                   *avatar_url;
  char                   *texts[GOVORUN_WIDGET_N_TEXTS];
  GHashTable             *variables;   /* name → value */
  char                   *language_override;
  char                   *server_location;
};

G_DEFINE_FINAL_TYPE (GovorunWidgetChoices, govorun_widget_choices, G_TYPE_OBJECT)

static const GEnumValue variant_values[] = {
  { GOVORUN_WIDGET_VARIANT_COMPACT, "GOVORUN_WIDGET_VARIANT_COMPACT", "compact" },
  { GOVORUN_WIDGET_VARIANT_FULL, "GOVORUN_WIDGET_VARIANT_FULL", "full" },
  { GOVORUN_WIDGET_VARIANT_EXPANDABLE, "GOVORUN_WIDGET_VARIANT_EXPANDABLE", "expandable" },
  { 0, NULL, NULL },
};

static const GEnumValue placement_values[] = {
  { GOVORUN_WIDGET_PLACEMENT_BOTTOM_RIGHT, "GOVORUN_WIDGET_PLACEMENT_BOTTOM_RIGHT", "bottom-right" },
  { GOVORUN_WIDGET_PLACEMENT_BOTTOM_LEFT, "GOVORUN_WIDGET_PLACEMENT_BOTTOM_LEFT", "bottom-left" },
  { GOVORUN_WIDGET_PLACEMENT_BOTTOM, "GOVORUN_WIDGET_PLACEMENT_BOTTOM", "bottom" },
  { GOVORUN_WIDGET_PLACEMENT_TOP_RIGHT, "GOVORUN_WIDGET_PLACEMENT_TOP_RIGHT", "top-right" },
  { GOVORUN_WIDGET_PLACEMENT_TOP_LEFT, "GOVORUN_WIDGET_PLACEMENT_TOP_LEFT", "top-left" },
  { GOVORUN_WIDGET_PLACEMENT_TOP, "GOVORUN_WIDGET_PLACEMENT_TOP", "top" },
  { 0, NULL, NULL },
};

GType
govorun_widget_variant_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("GovorunWidgetVariant", variant_values));

  return type;
}

GType
govorun_widget_placement_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("GovorunWidgetPlacement", placement_values));

  return type;
}

static const char *
nick_of (const GEnumValue *values,
         int               value)
{
  for (guint i = 0; values[i].value_nick != NULL; i++)
    if (values[i].value == value)
      return values[i].value_nick;

  g_return_val_if_reached (NULL);
}

static gboolean
value_of (const GEnumValue *values,
          const char       *nick,
          int              *out)
{
  for (guint i = 0; nick != NULL && values[i].value_nick != NULL; i++)
    if (g_str_equal (values[i].value_nick, nick))
      {
        *out = values[i].value;
        return TRUE;
      }

  return FALSE;
}

const char *
govorun_widget_variant_to_string (GovorunWidgetVariant variant)
{
  return nick_of (variant_values, variant);
}

gboolean
govorun_widget_variant_from_string (const char           *string,
                                    GovorunWidgetVariant *out)
{
  int value;

  if (!value_of (variant_values, string, &value))
    return FALSE;
  *out = value;
  return TRUE;
}

const char *
govorun_widget_placement_to_string (GovorunWidgetPlacement placement)
{
  return nick_of (placement_values, placement);
}

gboolean
govorun_widget_placement_from_string (const char             *string,
                                      GovorunWidgetPlacement *out)
{
  int value;

  if (!value_of (placement_values, string, &value))
    return FALSE;
  *out = value;
  return TRUE;
}

/* Keys from [WIDGET] DefaultTextContents (reference §5). The English texts
 * stand in for the widget's own defaults in the preview; the Russian ones
 * are what a Russian agent's snippet sets. They are the website's words in
 * the agent's language, so they are not translated with the application. */
static const struct
{
  const char *key;
  const char *english;
  const char *russian;
} texts[GOVORUN_WIDGET_N_TEXTS] = {
  { "main_label", "Need help?", "Нужна помощь?" },
  { "start_call", "Start a call", "Позвонить" },
  { "end_call", "End", "Завершить" },
  { "expand", "Open", "Развернуть" },
  { "collapse", "Close", "Свернуть" },
  { "listening_status", "Listening", "Слушаю" },
  { "speaking_status", "Talk to interrupt", "Говорите, чтобы перебить" },
  { "connecting_status", "Connecting", "Подключаюсь" },
};

const char *
govorun_widget_text_get_key (GovorunWidgetText text)
{
  g_return_val_if_fail (text < GOVORUN_WIDGET_N_TEXTS, NULL);

  return texts[text].key;
}

const char *
govorun_widget_text_get_default (GovorunWidgetText  text,
                                 const char        *language)
{
  g_return_val_if_fail (text < GOVORUN_WIDGET_N_TEXTS, NULL);

  return g_strcmp0 (language, "ru") == 0 ? texts[text].russian : texts[text].english;
}

/* [OAS] WidgetConfig and its avatar object; defaults from the emulator's
 * agent, which follow [OAS]. */
static const struct
{
  const char *field;
  const char *fallback;
} colors[GOVORUN_WIDGET_N_COLORS] = {
  { "avatar.color_1", "#2792dc" },
  { "avatar.color_2", "#9ce6e6" },
  { "bg_color", "#ffffff" },
  { "text_color", "#000000" },
  { "btn_color", "#000000" },
  { "btn_text_color", "#ffffff" },
};

const char *
govorun_widget_color_get_field (GovorunWidgetColor color)
{
  g_return_val_if_fail (color < GOVORUN_WIDGET_N_COLORS, NULL);

  return colors[color].field;
}

const char *
govorun_widget_color_get_label (GovorunWidgetColor color)
{
  switch (color)
    {
    case GOVORUN_WIDGET_COLOR_ORB_1:
      return _("Orb, first colour");
    case GOVORUN_WIDGET_COLOR_ORB_2:
      return _("Orb, second colour");
    case GOVORUN_WIDGET_COLOR_BACKGROUND:
      return _("Background");
    case GOVORUN_WIDGET_COLOR_TEXT:
      return _("Text");
    case GOVORUN_WIDGET_COLOR_BUTTON:
      return _("Button");
    case GOVORUN_WIDGET_COLOR_BUTTON_TEXT:
    default:
      return _("Button text");
    }
}

gboolean
govorun_widget_color_is_valid (const char *color)
{
  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;

  return TRUE;
}

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
changed (GovorunWidgetChoices *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Sets *@field to a copy of @value; TRUE when that changed it. */
static gboolean
replace (char       **field,
         const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
govorun_widget_choices_finalize (GObject *object)
{
  GovorunWidgetChoices *self = (GovorunWidgetChoices *) object;

  g_free (self->agent_id);
  g_free (self->language);
  for (guint i = 0; i < GOVORUN_WIDGET_N_COLORS; i++)
    g_free (self->colors[i]);
  g_free (self->avatar_url);
  for (guint i = 0; i < GOVORUN_WIDGET_N_TEXTS; i++)
    g_free (self->texts[i]);
  g_clear_pointer (&self->variables, g_hash_table_unref);
  g_free (self->language_override);
  g_free (self->server_location);

  G_OBJECT_CLASS (govorun_widget_choices_parent_class)->finalize (object);
}

static void
govorun_widget_choices_class_init (GovorunWidgetChoicesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = govorun_widget_choices_finalize;

  /**
   * GovorunWidgetChoices::changed:
   *
   * Any choice changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
govorun_widget_choices_init (GovorunWidgetChoices *self)
{
  self->variant = GOVORUN_WIDGET_VARIANT_FULL;
  self->placement = GOVORUN_WIDGET_PLACEMENT_BOTTOM_RIGHT;
  for (guint i = 0; i < GOVORUN_WIDGET_N_COLORS; i++)
    self->colors[i] = g_strdup (colors[i].fallback);
  self->variables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

GovorunWidgetChoices *
govorun_widget_choices_new (const char *agent_id,
                            const char *language)
{
  GovorunWidgetChoices *self;

  g_return_val_if_fail (agent_id != NULL, NULL);

  self = g_object_new (GOVORUN_TYPE_WIDGET_CHOICES, NULL);
  self->agent_id = g_strdup (agent_id);
  self->language = g_strdup (language != NULL ? language : "en");
  if (g_str_equal (self->language, "ru"))
    for (guint i = 0; i < GOVORUN_WIDGET_N_TEXTS; i++)
      self->texts[i] = g_strdup (texts[i].russian);

  return self;
}

const char *
govorun_widget_choices_get_agent_id (GovorunWidgetChoices *self)
{
  g_return_val_if_fail (GOVORUN_IS_WIDGET_CHOICES (self), NULL);

  return self->agent_id;
}

const char *
govorun_widget_choices_get_language (GovorunWidgetChoices *self)
{
  g_return_val_if_fail (GOVORUN_IS_WIDGET_CHOICES (self), NULL);

  return self->language;
}

GovorunWidgetVariant
govorun_widget_choices_get_variant (GovorunWidgetChoices *self)
{
  g_return_val_if_fail (GOVORUN_IS_WIDGET_CHOICES (self), 0);

  return self->variant;
}

void
govorun_widget_choices_set_variant (GovorunWidgetChoices *self,
                                    GovorunWidgetVariant  variant)
{
  g_return_if_fail (GOVORUN_IS_WIDGET_CHOICES (self));
  g_return_if_fail (variant <= GOVORUN_WIDGET_VARIANT_EXPANDABLE);

  if (self->variant == variant)
    return;
  self->variant = variant;
  changed (self);
}

GovorunWidgetPlacement
govorun_widget_choices_get_placement (GovorunWidgetChoices *self)
{
  g_return_val_if_fail (GOVORUN_IS_WIDGET_CHOICES (self), 0);

  return self->placement;
}

void
govorun_widget_choices_set_placement (GovorunWidgetChoices   *self,
                                      GovorunWidgetPlacement  placement)
{
  g_return_if_fail (GOVORUN_IS_WIDGET_CHOICES (self));
  g_return_if_fail (placement <= GOVORUN_WIDGET_PLACEMENT_TOP);

  if (self->placement == placement)
    return;
  self->placement = placement;
  changed (self);
}

const char *
govorun_widget_choices_get_color (GovorunWidgetChoices *self,
                                  GovorunWidgetColor    color)
{
  g_return_val_if_fail (GOVORUN_IS_WIDGET_CHOICES (self), NULL);
  g_return_val_if_fail (color < GOVORUN_WIDGET_N_COLORS, NULL);

  return self->colors[color];
}

gboolean
govorun_widget_choices_set_color (GovorunWidgetChoices *self,
                                  GovorunWidgetColor    color,
                                  const char           *value)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (GOVORUN_IS_WIDGET_CHOICES (self), FALSE);
  g_return_val_if_fail (color < GOVORUN_WIDGET_N_COLORS, FALSE);

  if (!govorun_widget_color_is_valid (value))
    return FALSE;

  /* One spelling, so comparing with the agent's colours is exact. */
  lower = g_ascii_strdown (value, -1);
  if (replace (&self->colors[color], lower))
    changed (self);

  return TRUE;
}

const char *
govorun_widget_choices_get_avatar_url (GovorunWidgetChoices *self)
{
  g_return_val_if_fail (GOVORUN_IS_WIDGET_CHOICES (self), NULL);

  return self->avatar_url;
}

void
govorun_widget_choices_set_avatar_url (GovorunWidgetChoices *self,
                                       const char           *url)
{
  g_return_if_fail (GOVORUN_IS_WIDGET_CHOICES (self));

  if (replace (&self->avatar_url, url != NULL && *url != '\0' ? url : NULL))
    changed (self);
}

const char *
govorun_widget_choices_get_text (GovorunWidgetChoices *self,
                                 GovorunWidgetText     text)
{
  g_return_val_if_fail (GOVORUN_IS_WIDGET_CHOICES (self), NULL);
  g_return_val_if_fail (text < GOVORUN_WIDGET_N_TEXTS, NULL);

  return self->texts[text];
}

const char *
govorun_widget_choices_get_shown_text (GovorunWidgetChoices *self,
                                       GovorunWidgetText     text)
{
  g_return_val_if_fail (GOVORUN_IS_WIDGET_CHOICES (self), NULL);
  g_return_val_if_fail (text < GOVORUN_WIDGET_N_TEXTS, NULL);

  return self->texts[text] != NULL ? self->texts[text] : govorun_widget_text_get_default (text, self->language);
}

void
govorun_widget_choices_set_text (GovorunWidgetChoices *self,
                                 GovorunWidgetText     text,
                                 const char           *value)
{
  g_return_if_fail (GOVORUN_IS_WIDGET_CHOICES (self));
  g_return_if_fail (text < GOVORUN_WIDGET_N_TEXTS);

  if (replace (&self->texts[text], value != NULL && *value != '\0' ? value : NULL))
    changed (self);
}

/* qsort hands over pointers to the elements. */
static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GStrv
govorun_widget_choices_dup_variable_names (GovorunWidgetChoices *self)
{
  g_autofree const char **names = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  g_return_val_if_fail (GOVORUN_IS_WIDGET_CHOICES (self), NULL);

  names = (const char **) g_hash_table_get_keys_as_array (self->variables, &n);
  qsort (names, n, sizeof (char *), compare_names);
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, names[i]);

  return g_strv_builder_end (builder);
}

const char *
govorun_widget_choices_get_variable (GovorunWidgetChoices *self,
                                     const char           *name)
{
  g_return_val_if_fail (GOVORUN_IS_WIDGET_CHOICES (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_hash_table_lookup (self->variables, name);
}

void
govorun_widget_choices_set_variable (GovorunWidgetChoices *self,
                                     const char           *name,
                                     const char           *value)
{
  g_return_if_fail (GOVORUN_IS_WIDGET_CHOICES (self));
  g_return_if_fail (name != NULL && *name != '\0');

  if (g_strcmp0 (g_hash_table_lookup (self->variables, name), value) == 0)
    return;

  if (value == NULL)
    g_hash_table_remove (self->variables, name);
  else
    g_hash_table_replace (self->variables, g_strdup (name), g_strdup (value));
  changed (self);
}

const char *
govorun_widget_choices_get_language_override (GovorunWidgetChoices *self)
{
  g_return_val_if_fail (GOVORUN_IS_WIDGET_CHOICES (self), NULL);

  return self->language_override;
}

void
govorun_widget_choices_set_language_override (GovorunWidgetChoices *self,
                                              const char           *language)
{
  g_return_if_fail (GOVORUN_IS_WIDGET_CHOICES (self));

  if (replace (&self->language_override, language != NULL && *language != '\0' ? language : NULL))
    changed (self);
}

const char *
govorun_widget_choices_get_server_location (GovorunWidgetChoices *self)
{
  g_return_val_if_fail (GOVORUN_IS_WIDGET_CHOICES (self), NULL);

  return self->server_location;
}

void
govorun_widget_choices_set_server_location (GovorunWidgetChoices *self,
                                            const char           *location)
{
  g_return_if_fail (GOVORUN_IS_WIDGET_CHOICES (self));

  if (replace (&self->server_location, location))
    changed (self);
}
