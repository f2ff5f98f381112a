/* govorun-agent-widget-page.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "GovorunAgentWidgetPage"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "govorun-agent-widget-page.h"
#include "govorun-error-banner.h"
#include "govorun-format.h"
#include "govorun-toast.h"
#include "govorun-widget-preview.h"

struct _GovorunAgentWidgetPage
{
  AdwWindow             parent_instance;

  GovorunAgentWidget   *service;
  GovorunAccount       *account;
  char                 *agent_id;
  char                 *agent_name;
  GovorunWidgetState   *state;
  GovorunWidgetChoices *choices;
  GCancellable         *cancellable;
  gboolean              busy;

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkButton            *copy_button;
  GovorunErrorBanner   *error_banner;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  AdwComboRow          *variant_row;
  AdwComboRow          *placement_row;
  AdwEntryRow          *avatar_row;
  AdwPreferencesGroup  *colors_group;
  GtkButton            *save_colors_button;
  AdwPreferencesGroup  *texts_group;
  AdwPreferencesGroup  *variables_group;
  AdwComboRow          *language_row;
  GovorunWidgetPreview *preview;
  GtkSourceView        *code_view;
  AdwEntryRow          *site_row;
  AdwActionRow         *check_row;
  GtkImage             *check_icon;
  GtkButton            *add_site_button;
  GtkColorButton       *color_buttons[GOVORUN_WIDGET_N_COLORS];
};

G_DEFINE_FINAL_TYPE (GovorunAgentWidgetPage, govorun_agent_widget_page, ADW_TYPE_WINDOW)

/* Languages offered for override-language: common ones of ElevenLabs
 * agents, by their codes; the first entry is "no override". */
static const char * const override_languages[] = {
  NULL, "en", "ru", "de", "fr", "es", "it", "pt", "pl", "uk", "tr", "nl", "ja", "zh",
};

static const char *
text_label (GovorunWidgetText text)
{
  switch (text)
    {
    case GOVORUN_WIDGET_TEXT_MAIN_LABEL:
      return _("Main Label");
    case GOVORUN_WIDGET_TEXT_START_CALL:
      return _("Start Call Button");
    case GOVORUN_WIDGET_TEXT_END_CALL:
      return _("End Call Button");
    case GOVORUN_WIDGET_TEXT_EXPAND:
      return _("Expand Button");
    case GOVORUN_WIDGET_TEXT_COLLAPSE:
      return _("Collapse Button");
    case GOVORUN_WIDGET_TEXT_LISTENING_STATUS:
      return _("While Listening");
    case GOVORUN_WIDGET_TEXT_SPEAKING_STATUS:
      return _("While Speaking");
    case GOVORUN_WIDGET_TEXT_CONNECTING_STATUS:
    default:
      return _("While Connecting");
    }
}

static void
show_error (GovorunAgentWidgetPage *self,
            const GError           *error)
{
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    govorun_error_show (GTK_WIDGET (self), error->message);
}

static void
set_busy (GovorunAgentWidgetPage *self,
          gboolean                busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_site_button), !busy);
}

/* -- what follows the choices -- */

static void
update_code (GovorunAgentWidgetPage *self)
{
  g_autofree char *code = govorun_agent_widget_snippet (self->choices);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->code_view));
  GtkTextIter start, end;

  gtk_text_buffer_set_text (buffer, code, -1);
  /* Code wraps anywhere; a hyphen at the break would look like code. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_apply_tag_by_name (buffer, "no-hyphens", &start, &end);
}

static void
update_save_colors (GovorunAgentWidgetPage *self)
{
  g_auto(GStrv) changes = govorun_agent_widget_list_color_changes (self->state, self->choices);

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_colors_button), changes[0] != NULL && !self->busy);
}

static void
on_choices_changed (GovorunAgentWidgetPage *self)
{
  update_code (self);
  update_save_colors (self);
}

/* -- the website check -- */

static void
set_check (GovorunAgentWidgetPage *self,
           gboolean                ok,
           const char             *title,
           const char             *subtitle)
{
  g_autofree char *title_markup = g_markup_escape_text (title, -1);
  g_autofree char *subtitle_markup = g_markup_escape_text (subtitle, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->check_row), title_markup);
  adw_action_row_set_subtitle (self->check_row, subtitle_markup);
  gtk_image_set_from_icon_name (self->check_icon, ok ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->check_icon), ok ? "warning" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->check_icon), ok ? "success" : "warning");
}

static void
update_check (GovorunAgentWidgetPage *self)
{
  g_autofree char *host = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *list = NULL;
  GovorunWidgetSiteCheck check;

  if (self->state == NULL)
    return;

  check = govorun_agent_widget_check_site (self->state, gtk_editable_get_text (GTK_EDITABLE (self->site_row)), &host);
  list = g_strjoinv (", ", self->state->allowlist);
  gtk_widget_set_visible (GTK_WIDGET (self->add_site_button), check == GOVORUN_WIDGET_SITE_NOT_LISTED);

  switch (check)
    {
    case GOVORUN_WIDGET_SITE_ANY:
      set_check (self, TRUE, _("Any website can use this agent."),
                 _("The agent is public and has no allowlist of sites."));
      break;
    case GOVORUN_WIDGET_SITE_LISTED:
      /* Translators: %s is a website's host, e.g. example.com */
      title = g_strdup_printf (_("%s can use this agent."), host);
      set_check (self, TRUE, title, _("The site is on the agent’s allowlist."));
      break;
    case GOVORUN_WIDGET_SITE_ONLY_LISTED:
      /* Translators: %s is a list of website hosts */
      subtitle = g_strdup_printf (_("Allowed: %s. Type your site’s address above to check it."), list);
      set_check (self, TRUE, _("Only the sites on the agent’s allowlist can use it."), subtitle);
      break;
    case GOVORUN_WIDGET_SITE_NOT_LISTED:
      /* Translators: %s is a website's host, e.g. example.com */
      title = g_strdup_printf (_("%s cannot use this agent yet."), host);
      /* Translators: %s is a list of website hosts */
      subtitle = g_strdup_printf (_("The agent accepts only the sites on its allowlist (%s). Add your site to it."), list);
      set_check (self, FALSE, title, subtitle);
      break;
    case GOVORUN_WIDGET_SITE_AUTH_REQUIRED:
      set_check (self, FALSE, _("Websites cannot use this agent as it is."),
                 _("The agent requires authentication, so the widget needs a signed URL that your server requests with the API key. To embed the code as it is, turn authentication off for the agent in ElevenLabs."));
      break;
    case GOVORUN_WIDGET_SITE_INVALID:
    default:
      set_check (self, FALSE, _("This is not a website address."),
                 _("Type the address of the site, for example example.com."));
      break;
    }
}

/* -- building the choice rows -- */

static void
on_variant_selected (GovorunAgentWidgetPage *self)
{
  govorun_widget_choices_set_variant (self->choices, adw_combo_row_get_selected (self->variant_row));
}

static void
on_placement_selected (GovorunAgentWidgetPage *self)
{
  govorun_widget_choices_set_placement (self->choices, adw_combo_row_get_selected (self->placement_row));
}

static void
on_avatar_changed (GovorunAgentWidgetPage *self)
{
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->avatar_row))));

  govorun_widget_choices_set_avatar_url (self->choices, url);
}

static void
on_language_selected (GovorunAgentWidgetPage *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);

  govorun_widget_choices_set_language_override (self->choices,
                                                selected < G_N_ELEMENTS (override_languages)
                                                ? override_languages[selected] : NULL);
}

static void
on_color_set (GtkColorButton         *button,
              GParamSpec             *pspec,
              GovorunAgentWidgetPage *self)
{
  GovorunWidgetColor color = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "govorun-color"));
  GdkRGBA rgba;
  char hex[8];

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  g_snprintf (hex, sizeof hex, "#%02x%02x%02x",
              (guint) (CLAMP (rgba.red, 0, 1) * 255 + 0.5f),
              (guint) (CLAMP (rgba.green, 0, 1) * 255 + 0.5f),
              (guint) (CLAMP (rgba.blue, 0, 1) * 255 + 0.5f));
  govorun_widget_choices_set_color (self->choices, color, hex);
}

static void
on_text_changed (AdwEntryRow            *row,
                 GovorunAgentWidgetPage *self)
{
  GovorunWidgetText text = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "govorun-text"));

  govorun_widget_choices_set_text (self->choices, text, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
on_variable_changed (AdwEntryRow            *row,
                     GovorunAgentWidgetPage *self)
{
  const char *name = g_object_get_data (G_OBJECT (row), "govorun-variable");
  const char *value = gtk_editable_get_text (GTK_EDITABLE (row));

  /* An empty field sends nothing: the agent's own default applies. */
  govorun_widget_choices_set_variable (self->choices, name, *value != '\0' ? value : NULL);
}

static void
set_color_button (GovorunAgentWidgetPage *self,
                  GovorunWidgetColor      color)
{
  GdkRGBA rgba;

  if (gdk_rgba_parse (&rgba, govorun_widget_choices_get_color (self->choices, color)))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_buttons[color]), &rgba);
}

static void
build_rows (GovorunAgentWidgetPage *self)
{
  g_autoptr(GtkStringList) languages = gtk_string_list_new (NULL);
  const char * const *names = (const char * const *) self->state->dynamic_variable_names;

  adw_combo_row_set_selected (self->variant_row, govorun_widget_choices_get_variant (self->choices));
  adw_combo_row_set_selected (self->placement_row, govorun_widget_choices_get_placement (self->choices));
  gtk_editable_set_text (GTK_EDITABLE (self->avatar_row),
                         govorun_widget_choices_get_avatar_url (self->choices) != NULL
                         ? govorun_widget_choices_get_avatar_url (self->choices) : "");

  for (guint i = 0; i < GOVORUN_WIDGET_N_COLORS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_color_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), govorun_widget_color_get_label (i));
      gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (button), FALSE);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      /* The colour button is a GtkButton inside a widget: name both. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      govorun_widget_color_get_label (i), -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (button)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, govorun_widget_color_get_label (i), -1);
      g_object_set_data (G_OBJECT (button), "govorun-color", GUINT_TO_POINTER (i));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->colors_group, row);
      self->color_buttons[i] = GTK_COLOR_BUTTON (button);
      set_color_button (self, i);
      g_signal_connect_object (button, "notify::rgba", G_CALLBACK (on_color_set), self, 0);
    }

  for (guint i = 0; i < GOVORUN_WIDGET_N_TEXTS; i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      const char *text = govorun_widget_choices_get_text (self->choices, i);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text_label (i));
      gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
      g_object_set_data (G_OBJECT (row), "govorun-text", GUINT_TO_POINTER (i));
      adw_preferences_group_add (self->texts_group, row);
      g_signal_connect_object (row, "changed", G_CALLBACK (on_text_changed), self, 0);
    }
  adw_preferences_group_set_description (self->texts_group,
                                         self->state->language != NULL && g_str_equal (self->state->language, "ru")
                                         ? _("In Russian, the agent’s language. Empty fields show the widget’s own English text.")
                                         : _("Empty fields show the widget’s own text."));

  for (guint i = 0; names[i] != NULL; i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      g_autofree char *title = g_markup_escape_text (names[i], -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      g_object_set_data_full (G_OBJECT (row), "govorun-variable", g_strdup (names[i]), g_free);
      adw_preferences_group_add (self->variables_group, row);
      g_signal_connect_object (row, "changed", G_CALLBACK (on_variable_changed), self, 0);
    }
  adw_preferences_group_set_description (self->variables_group,
                                         names[0] != NULL
                                         ? _("Values the same for every visitor of the website; empty ones are not sent.")
                                         : _("This agent has no dynamic variables."));

  gtk_string_list_append (languages, _("The Agent’s Own"));
  for (guint i = 1; i < G_N_ELEMENTS (override_languages); i++)
    gtk_string_list_append (languages, govorun_format_language_name (override_languages[i]));
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (languages));
  adw_combo_row_set_selected (self->language_row, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->language_row), self->state->language_override_allowed);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->language_row),
                               self->state->language_override_allowed
                               ? _("The widget may start conversations in another language.")
                               : _("The agent does not let websites change its language; allow the language override in ElevenLabs first."));

  g_signal_connect_object (self->variant_row, "notify::selected", G_CALLBACK (on_variant_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->placement_row, "notify::selected", G_CALLBACK (on_placement_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->avatar_row, "changed", G_CALLBACK (on_avatar_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->language_row, "notify::selected", G_CALLBACK (on_language_selected), self,
                           G_CONNECT_SWAPPED);
}

static void
set_state (GovorunAgentWidgetPage *self,
           GovorunWidgetState     *state)
{
  g_clear_pointer (&self->state, govorun_widget_state_free);
  self->state = state;
  update_check (self);
  if (self->choices != NULL)
    update_save_colors (self);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GovorunAgentWidgetPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GovorunWidgetState *state;

  state = govorun_agent_widget_load_finish (GOVORUN_AGENT_WIDGET (source), result, &error);
  /* Closed meanwhile: the template's children are gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_stop (self->spinner);
  if (state == NULL)
    {
      /* Nothing to show without the agent: offer to read it again. */
      show_error (self, error);
      govorun_error_banner_set_button_label (self->error_banner, _("Try _Again"));
      return;
    }

  set_state (self, state);
  self->choices = govorun_agent_widget_make_choices (self->state, self->account);
  build_rows (self);
  govorun_widget_preview_set_choices (self->preview, self->choices);
  g_signal_connect_object (self->choices, "changed", G_CALLBACK (on_choices_changed), self, G_CONNECT_SWAPPED);
  on_choices_changed (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->copy_button), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "content");
}

static void
load (GovorunAgentWidgetPage *self)
{
  gtk_spinner_start (self->spinner);
  govorun_agent_widget_load_async (self->service, self->account, self->agent_id, self->cancellable, on_loaded,
                                   g_object_ref (self));
}

/* The banner's Try Again, after loading failed. */
static void
on_banner_button (GovorunAgentWidgetPage *self)
{
  if (self->state != NULL)
    return;

  govorun_error_banner_set_button_label (self->error_banner, NULL);
  govorun_error_banner_set_text (self->error_banner, NULL);
  load (self);
}

/* -- actions -- */

static void
on_copy_clicked (GovorunAgentWidgetPage *self)
{
  g_autofree char *code = govorun_agent_widget_page_dup_code (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), code);
  govorun_toast_show (GTK_WIDGET (self), _("Copied"));
}

static void
on_site_added (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GovorunAgentWidgetPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GovorunWidgetState *state;

  state = govorun_agent_widget_add_site_finish (GOVORUN_AGENT_WIDGET (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (state == NULL)
    {
      show_error (self, error);
      update_check (self);
      return;
    }

  set_state (self, state);
  govorun_toast_show (GTK_WIDGET (self), _("Your site is on the allowlist"));
}

static void
on_add_site_response (AdwMessageDialog       *dialog,
                      const char             *response,
                      GovorunAgentWidgetPage *self)
{
  if (g_strcmp0 (response, "add") != 0)
    return;

  set_busy (self, TRUE);
  govorun_agent_widget_add_site_async (self->service, self->account, self->agent_id,
                                       gtk_editable_get_text (GTK_EDITABLE (self->site_row)),
                                       self->cancellable, on_site_added, g_object_ref (self));
}

static GtkWidget *
confirmation_new (GovorunAgentWidgetPage *self,
                  const char             *heading,
                  const char             *body,
                  const char             *response,
                  const char             *label)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), response, label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), response);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  return dialog;
}

static void
on_add_site_clicked (GovorunAgentWidgetPage *self)
{
  g_autofree char *host = govorun_agent_widget_site_host (gtk_editable_get_text (GTK_EDITABLE (self->site_row)));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (host == NULL || self->busy)
    return;

  /* Translators: %s is a website's host, e.g. example.com */
  heading = g_strdup_printf (_("Add %s to the Allowlist?"), host);
  /* Translators: the first %s is a website's host, the second an agent's name */
  body = g_strdup_printf (_("The widget on %s will be able to start conversations with “%s”. The sites already on the list stay."),
                          host, self->agent_name);
  dialog = confirmation_new (self, heading, body, "add", _("_Add Site"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_site_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_colors_saved (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GovorunAgentWidgetPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GovorunWidgetState *state;

  state = govorun_agent_widget_save_colors_finish (GOVORUN_AGENT_WIDGET (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (state == NULL)
    {
      show_error (self, error);
      update_save_colors (self);
      return;
    }

  set_state (self, state);
  govorun_toast_show (GTK_WIDGET (self), _("Colours saved to the agent"));
}

static void
on_save_colors_response (AdwMessageDialog       *dialog,
                         const char             *response,
                         GovorunAgentWidgetPage *self)
{
  if (g_strcmp0 (response, "save") != 0)
    return;

  set_busy (self, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_colors_button), FALSE);
  govorun_agent_widget_save_colors_async (self->service, self->account, self->state, self->choices,
                                          self->cancellable, on_colors_saved, g_object_ref (self));
}

static void
on_save_colors_clicked (GovorunAgentWidgetPage *self)
{
  g_auto(GStrv) changes = NULL;
  g_autofree char *list = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);
  GtkWidget *dialog;

  if (self->state == NULL || self->busy)
    return;

  changes = govorun_agent_widget_list_color_changes (self->state, self->choices);
  if (changes[0] == NULL)
    return;
  for (guint i = 0; changes[i] != NULL; i++)
    g_string_append_printf (lines, "\n• %s", changes[i]);

  /* Translators: %s is an agent's name */
  heading = g_strdup_printf (_("Save Colours to “%s”?"), self->agent_name);
  /* Translators: %s is the list of changes, one per line */
  body = g_strdup_printf (_("These colours change in the agent in ElevenLabs, for every website that shows its widget:\n%s"),
                          lines->str);
  dialog = confirmation_new (self, heading, body, "save", _("_Save Colours"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_colors_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GtkSourceView keeps its own colours: follow the light or dark style. */
static void
update_scheme (GovorunAgentWidgetPage *self)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkSourceStyleScheme *scheme =
    gtk_source_style_scheme_manager_get_scheme (schemes, dark ? "Adwaita-dark" : "Adwaita");

  if (scheme != NULL)
    gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->code_view))),
                                        scheme);
}

/* -- public -- */

GovorunWidgetChoices *
govorun_agent_widget_page_get_choices (GovorunAgentWidgetPage *self)
{
  g_return_val_if_fail (GOVORUN_IS_AGENT_WIDGET_PAGE (self), NULL);

  return self->choices;
}

char *
govorun_agent_widget_page_dup_code (GovorunAgentWidgetPage *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (GOVORUN_IS_AGENT_WIDGET_PAGE (self), NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->code_view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

GovorunAgentWidgetPage *
govorun_agent_widget_page_new (GtkWindow          *parent,
                               GovorunAgentWidget *service,
                               GovorunAccount     *account,
                               const char         *agent_id,
                               const char         *agent_name)
{
  GovorunAgentWidgetPage *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GOVORUN_IS_AGENT_WIDGET (service), NULL);
  g_return_val_if_fail (GOVORUN_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (agent_id != NULL, NULL);

  self = g_object_new (GOVORUN_TYPE_AGENT_WIDGET_PAGE, "transient-for", parent, NULL);
  self->service = g_object_ref (service);
  self->account = g_object_ref (account);
  self->agent_id = g_strdup (agent_id);
  self->agent_name = g_strdup (agent_name != NULL ? agent_name : agent_id);
  adw_window_title_set_subtitle (self->window_title, self->agent_name);

  load (self);

  return self;
}

static void
govorun_agent_widget_page_dispose (GObject *object)
{
  GovorunAgentWidgetPage *self = GOVORUN_AGENT_WIDGET_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), GOVORUN_TYPE_AGENT_WIDGET_PAGE);
  g_clear_object (&self->choices);
  g_clear_object (&self->service);
  g_clear_object (&self->account);
  g_clear_pointer (&self->state, govorun_widget_state_free);

  G_OBJECT_CLASS (govorun_agent_widget_page_parent_class)->dispose (object);
}

static void
govorun_agent_widget_page_finalize (GObject *object)
{
  GovorunAgentWidgetPage *self = GOVORUN_AGENT_WIDGET_PAGE (object);

  g_free (self->agent_id);
  g_free (self->agent_name);

  G_OBJECT_CLASS (govorun_agent_widget_page_parent_class)->finalize (object);
}

static void
govorun_agent_widget_page_class_init (GovorunAgentWidgetPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = govorun_agent_widget_page_dispose;
  object_class->finalize = govorun_agent_widget_page_finalize;

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  g_type_ensure (GOVORUN_TYPE_ERROR_BANNER);
  g_type_ensure (GOVORUN_TYPE_WIDGET_PREVIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/govorun-agent-widget-page.ui");
  govorun_toast_install_action (widget_class);
  govorun_error_banner_install_action (widget_class, G_STRUCT_OFFSET (GovorunAgentWidgetPage, error_banner));
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentWidgetPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentWidgetPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentWidgetPage, copy_button);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentWidgetPage, error_banner);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentWidgetPage, stack);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentWidgetPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentWidgetPage, variant_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentWidgetPage, placement_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentWidgetPage, avatar_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentWidgetPage, colors_group);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentWidgetPage, save_colors_button);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentWidgetPage, texts_group);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentWidgetPage, variables_group);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentWidgetPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentWidgetPage, preview);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentWidgetPage, code_view);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentWidgetPage, site_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentWidgetPage, check_row);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentWidgetPage, check_icon);
  gtk_widget_class_bind_template_child (widget_class, GovorunAgentWidgetPage, add_site_button);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_site_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_save_colors_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
govorun_agent_widget_page_init (GovorunAgentWidgetPage *self)
{
  g_autoptr(GtkStringList) variants = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) placements = gtk_string_list_new (NULL);
  GtkSourceLanguage *html = gtk_source_language_manager_get_language (gtk_source_language_manager_get_default (),
                                                                      "html");

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  /* In the order of the GovorunWidgetVariant and Placement enums. */
  gtk_string_list_append (variants, _("Compact"));
  gtk_string_list_append (variants, _("Full"));
  gtk_string_list_append (variants, _("Expandable"));
  adw_combo_row_set_model (self->variant_row, G_LIST_MODEL (variants));
  gtk_string_list_append (placements, _("Bottom Right"));
  gtk_string_list_append (placements, _("Bottom Left"));
  gtk_string_list_append (placements, _("Bottom"));
  gtk_string_list_append (placements, _("Top Right"));
  gtk_string_list_append (placements, _("Top Left"));
  gtk_string_list_append (placements, _("Top"));
  adw_combo_row_set_model (self->placement_row, G_LIST_MODEL (placements));

  gtk_text_buffer_create_tag (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->code_view)), "no-hyphens",
                              "insert-hyphens", FALSE, NULL);
  if (html != NULL)
    gtk_source_buffer_set_language (GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->code_view))),
                                    html);
  update_scheme (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_scheme), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->site_row, "changed", G_CALLBACK (update_check), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->error_banner, "button-clicked", G_CALLBACK (on_banner_button), self,
                           G_CONNECT_SWAPPED);
}
