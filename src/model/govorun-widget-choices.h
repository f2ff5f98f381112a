/* govorun-widget-choices.h
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * GovorunWidgetChoices: what a person chose for an agent's website widget
 * (reference/elevenlabs.md §5): the variant, the placement, the avatar,
 * the colours the agent keeps server-side, the texts (text-contents keys),
 * dynamic variables with static values, a language override and the
 * server location of a residency account. The snippet generator and the
 * native preview both read it; "changed" is emitted after any change.
 */

typedef enum
{
  GOVORUN_WIDGET_VARIANT_COMPACT,
  GOVORUN_WIDGET_VARIANT_FULL,
  GOVORUN_WIDGET_VARIANT_EXPANDABLE,
} GovorunWidgetVariant;

typedef enum
{
  GOVORUN_WIDGET_PLACEMENT_BOTTOM_RIGHT,
  GOVORUN_WIDGET_PLACEMENT_BOTTOM_LEFT,
  GOVORUN_WIDGET_PLACEMENT_BOTTOM,
  GOVORUN_WIDGET_PLACEMENT_TOP_RIGHT,
  GOVORUN_WIDGET_PLACEMENT_TOP_LEFT,
  GOVORUN_WIDGET_PLACEMENT_TOP,
} GovorunWidgetPlacement;

/* The text-contents keys Govorun offers, in the order people see them. */
typedef enum
{
  GOVORUN_WIDGET_TEXT_MAIN_LABEL,
  GOVORUN_WIDGET_TEXT_START_CALL,
  GOVORUN_WIDGET_TEXT_END_CALL,
  GOVORUN_WIDGET_TEXT_EXPAND,
  GOVORUN_WIDGET_TEXT_COLLAPSE,
  GOVORUN_WIDGET_TEXT_LISTENING_STATUS,
  GOVORUN_WIDGET_TEXT_SPEAKING_STATUS,
  GOVORUN_WIDGET_TEXT_CONNECTING_STATUS,
} GovorunWidgetText;

#define GOVORUN_WIDGET_N_TEXTS (GOVORUN_WIDGET_TEXT_CONNECTING_STATUS + 1)

/* The colours the agent keeps in platform_settings.widget. */
typedef enum
{
  GOVORUN_WIDGET_COLOR_ORB_1,
  GOVORUN_WIDGET_COLOR_ORB_2,
  GOVORUN_WIDGET_COLOR_BACKGROUND,
  GOVORUN_WIDGET_COLOR_TEXT,
  GOVORUN_WIDGET_COLOR_BUTTON,
  GOVORUN_WIDGET_COLOR_BUTTON_TEXT,
} GovorunWidgetColor;

#define GOVORUN_WIDGET_N_COLORS (GOVORUN_WIDGET_COLOR_BUTTON_TEXT + 1)

#define GOVORUN_TYPE_WIDGET_VARIANT   (govorun_widget_variant_get_type ())
#define GOVORUN_TYPE_WIDGET_PLACEMENT (govorun_widget_placement_get_type ())
#define GOVORUN_TYPE_WIDGET_CHOICES   (govorun_widget_choices_get_type ())

GType govorun_widget_variant_get_type   (void) G_GNUC_CONST;
GType govorun_widget_placement_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (GovorunWidgetChoices, govorun_widget_choices, GOVORUN, WIDGET_CHOICES, GObject)

/* "compact", "full", "expandable" / "bottom-right", … as the API spells them */
const char             *govorun_widget_variant_to_string       (GovorunWidgetVariant    variant);
gboolean                govorun_widget_variant_from_string     (const char             *string,
                                                                GovorunWidgetVariant   *out);
const char             *govorun_widget_placement_to_string     (GovorunWidgetPlacement  placement);
gboolean                govorun_widget_placement_from_string   (const char             *string,
                                                                GovorunWidgetPlacement *out);
/* The text-contents key, e.g. "main_label" */
const char             *govorun_widget_text_get_key            (GovorunWidgetText       text);
/* The text the widget shows when none is set, in @language ("ru" gets
 * Russian, anything else English). Website content, not Govorun's UI:
 * it follows the agent's language, not the application's. */
const char             *govorun_widget_text_get_default        (GovorunWidgetText       text,
                                                                const char             *language);
/* The platform_settings.widget field of a colour, e.g. "btn_color"; the orb
 * colours are "avatar.color_1" and "avatar.color_2". */
const char             *govorun_widget_color_get_field         (GovorunWidgetColor      color);
/* The colour's name for people, translated, e.g. "Button text". */
const char             *govorun_widget_color_get_label         (GovorunWidgetColor      color);
/* TRUE for "#rrggbb" (hex digits, either case). */
gboolean                govorun_widget_color_is_valid          (const char             *color);

/* An agent's choices start from the widget's defaults. A "ru" @language
 * sets the Russian texts (the widget's own defaults are English). */
GovorunWidgetChoices   *govorun_widget_choices_new             (const char             *agent_id,
                                                                const char             *language);

const char             *govorun_widget_choices_get_agent_id    (GovorunWidgetChoices   *self);
const char             *govorun_widget_choices_get_language    (GovorunWidgetChoices   *self);
GovorunWidgetVariant    govorun_widget_choices_get_variant     (GovorunWidgetChoices   *self);
void                    govorun_widget_choices_set_variant     (GovorunWidgetChoices   *self,
                                                                GovorunWidgetVariant    variant);
GovorunWidgetPlacement  govorun_widget_choices_get_placement   (GovorunWidgetChoices   *self);
void                    govorun_widget_choices_set_placement   (GovorunWidgetChoices   *self,
                                                                GovorunWidgetPlacement  placement);
/* "#rrggbb"; setting anything else is ignored (FALSE). */
const char             *govorun_widget_choices_get_color       (GovorunWidgetChoices   *self,
                                                                GovorunWidgetColor      color);
gboolean                govorun_widget_choices_set_color       (GovorunWidgetChoices   *self,
                                                                GovorunWidgetColor      color,
                                                                const char             *value);
/* NULL or "": the orb. */
const char             *govorun_widget_choices_get_avatar_url  (GovorunWidgetChoices   *self);
void                    govorun_widget_choices_set_avatar_url  (GovorunWidgetChoices   *self,
                                                                const char             *url);
/* The text set for @text, or NULL for the widget's default. */
const char             *govorun_widget_choices_get_text        (GovorunWidgetChoices   *self,
                                                                GovorunWidgetText       text);
/* What the widget will show: the text set, else the default in the
 * agent's language. */
const char             *govorun_widget_choices_get_shown_text  (GovorunWidgetChoices   *self,
                                                                GovorunWidgetText       text);
/* NULL or "" unsets it. */
void                    govorun_widget_choices_set_text        (GovorunWidgetChoices   *self,
                                                                GovorunWidgetText       text,
                                                                const char             *value);
/* Dynamic variables with static values; names sorted. */
GStrv                   govorun_widget_choices_dup_variable_names (GovorunWidgetChoices *self);
const char             *govorun_widget_choices_get_variable    (GovorunWidgetChoices   *self,
                                                                const char             *name);
/* NULL removes the variable. */
void                    govorun_widget_choices_set_variable    (GovorunWidgetChoices   *self,
                                                                const char             *name,
                                                                const char             *value);
/* A language code for override-language, or NULL for none. */
const char             *govorun_widget_choices_get_language_override (GovorunWidgetChoices *self);
void                    govorun_widget_choices_set_language_override (GovorunWidgetChoices *self,
                                                                      const char           *language);
/* "eu-residency" or "in-residency" for residency accounts, else NULL. */
const char             *govorun_widget_choices_get_server_location (GovorunWidgetChoices *self);
void                    govorun_widget_choices_set_server_location (GovorunWidgetChoices *self,
                                                                    const char           *location);

G_END_DECLS
