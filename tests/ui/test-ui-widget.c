/* test-ui-widget.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The website widget of an agent, as a person uses it (in English and
 * Russian), in the sandbox: Agents → the agent → Website Widget; the
 * preview and the code follow the variant, a colour and a text; Copy Code
 * puts the code on the clipboard; the site check says the person's site is
 * not on the agent's allowlist, "Add My Site to the Allowlist" adds it
 * after a confirmation (the emulator got a PATCH of the allowlist only);
 * "Save Colours to Agent" lists the change and saves it. Screenshots of
 * the page, light and dark, in both languages.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "govorun-agent-widget-page.h"
#include "govorun-elevenlabs-emulator.h"
#include "govorun-sandbox.h"
#include "govorun-services-private.h"
#include "govorun-widget-preview.h"
#include "test-util.h"
#include "ui-app.h"
#include "ui-helpers.h"

#define MY_SITE "https://www.my-clinic.example/contacts"

static GovorunAccount *
el_account (GovorunServices *services)
{
  GListModel *accounts = G_LIST_MODEL (govorun_services_get_accounts (services));

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(GovorunAccount) account = g_list_model_get_item (accounts, i);

      if (govorun_account_get_kind (account) == GOVORUN_ACCOUNT_KIND_ELEVENLABS)
        return account;
    }
  g_assert_not_reached ();
}

/* A Russian agent with a dynamic variable in the sandbox's ElevenLabs
 * account, saved as a Govorun agent the way the wizard leaves a draft. */
#define AGENT_NAME "Клиника „Здоровье“ & <сайт>"

static GovorunAgent *
add_agent (GovorunServices           *services,
           GovorunElevenlabsEmulator *emulator,
           char                     **out_el_agent_id)
{
  GovorunAccount *account = el_account (services);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GovorunAgent) draft = govorun_agent_new ();
  g_autoptr(GError) error = NULL;
  GovorunAgent *agent;

  *out_el_agent_id = govorun_elevenlabs_emulator_add_agent (emulator, AGENT_NAME,
                                                            "Здравствуйте, {{client_name}}!", "ru");
  govorun_agent_set_name (draft, AGENT_NAME);
  govorun_agent_set_el_account_uuid (draft, govorun_account_get_uuid (account));
  govorun_agent_set_el_agent_id (draft, *out_el_agent_id);
  govorun_agent_set_el_agent_name (draft, AGENT_NAME);
  govorun_agent_store_save_async (govorun_services_get_agents (services), draft, NULL, test_util_on_result, &result);
  agent = govorun_agent_store_save_finish (govorun_services_get_agents (services), test_util_wait (&result), &error);
  g_assert_no_error (error);

  return agent;
}

typedef struct
{
  GovorunWidgetPreview *preview;
  const char           *part;
} DrawnQuery;

static gboolean
preview_shows (gpointer data)
{
  DrawnQuery *q = data;
  const char *drawn = govorun_widget_preview_get_drawn (q->preview);

  return drawn != NULL && strstr (drawn, q->part) != NULL;
}

static void
assert_preview_shows (GovorunWidgetPreview *preview,
                      const char           *part)
{
  DrawnQuery q = { preview, part };

  if (!wait_until (preview_shows, &q, 5000))
    g_error ("The preview shows “%s”, not “%s”", govorun_widget_preview_get_drawn (preview), part);
}

/* The preview as pixels, to prove a change reached the drawing. */
static GBytes *
render_preview (GtkWidget *preview)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (preview);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (preview);
  int height = gtk_widget_get_height (preview);
  gsize stride = width * 4;
  guchar *data;

  settle (150);
  g_assert_cmpint (width, >, 0);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (preview)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  data = g_malloc (stride * height);
  gdk_texture_download (texture, data, stride);

  return g_bytes_new_take (data, stride * height);
}

static void
assert_preview_changed (GtkWidget  *preview,
                        GBytes    **before)
{
  g_autoptr(GBytes) after = render_preview (preview);

  g_assert_false (g_bytes_equal (*before, after));
  g_bytes_unref (*before);
  *before = g_steal_pointer (&after);
}

static char *
code_of (GovorunAgentWidgetPage *page)
{
  return govorun_agent_widget_page_dup_code (page);
}

static void
assert_code_has (GovorunAgentWidgetPage *page,
                 const char             *part)
{
  g_autofree char *code = code_of (page);

  if (strstr (code, part) == NULL)
    g_error ("The code lacks “%s”:\n%s", part, code);
}

static GtkWidget *
color_button (GtkWidget  *page,
              const char *title)
{
  GtkWidget *row = find_widget (page, ADW_TYPE_ACTION_ROW, title);

  g_assert_nonnull (row);
  return find_widget (row, GTK_TYPE_COLOR_BUTTON, NULL);
}

static AdwMessageDialog *
wait_message_dialog (void)
{
  return ADW_MESSAGE_DIALOG (ui_wait_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static gboolean
clipboard_is_ours (gpointer data)
{
  return gdk_clipboard_is_local (data);
}

/* What the application put on the clipboard, as its local content (an
 * activated button clicks a moment later, so wait for it). */
static char *
read_clipboard (GtkWidget *widget)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  GdkContentProvider *content;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_true (wait_until (clipboard_is_ours, clipboard, 5000));
  content = gdk_clipboard_get_content (clipboard);
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);
  return g_value_dup_string (&value);
}

typedef struct
{
  GovorunElevenlabsEmulator *emulator;
  const char                *part;
} PatchQuery;

static gboolean
patch_has (gpointer data)
{
  PatchQuery *q = data;
  g_autofree char *body = govorun_elevenlabs_emulator_dup_last_patch_body (q->emulator);

  return body != NULL && strstr (body, q->part) != NULL;
}

/* A row by its exact title (find_widget() reads "_" as a mnemonic, and a
 * variable's name is not a label). */
static GtkWidget *
find_row_titled (GtkWidget  *root,
                 const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_titled (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_narrow (gpointer data)
{
  return gtk_widget_get_width (data) > 0 && gtk_widget_get_width (data) <= 420;
}

static gboolean
run_script (gpointer user_data)
{
  GovorunApplication *app = ui_app_get ();
  GovorunServices *services = govorun_application_get_services (app);
  GovorunElevenlabsEmulator *emulator = govorun_sandbox_get_elevenlabs (govorun_application_get_sandbox (app));
  const char *lang = ui_app_is_russian () ? "-ru" : "";
  g_autoptr(GovorunAgent) agent = NULL;
  g_autofree char *el_agent_id = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *clipboard = NULL;
  g_autofree char *code = NULL;
  g_autofree char *expected_title = NULL;
  g_autoptr(GBytes) pixels = NULL;
  GtkWidget *window;
  GtkWidget *page;
  GtkWidget *preview;
  AdwMessageDialog *dialog;
  GdkRGBA blue;

  ui_app_wait_ready ();
  window = GTK_WIDGET (ui_app_main_window ());
  agent = add_agent (services, emulator, &el_agent_id);
  /* The agent already admits one site, so the person's is not on it. */
  g_assert_true (govorun_elevenlabs_emulator_merge_platform_settings (
                   emulator, el_agent_id, "{\"auth\":{\"allowlist\":[{\"hostname\":\"old.example\"}]}}"));

  /* Agents → the agent → Website Widget. */
  gtk_widget_activate (gtk_widget_get_ancestor (ui_wait_widget (find_with_css (window, "navigation-sidebar"),
                                                                GTK_TYPE_LABEL, _("Agents")),
                                                GTK_TYPE_LIST_BOX_ROW));
  {
    g_autofree char *title = g_markup_escape_text (AGENT_NAME, -1);

    gtk_widget_activate (ui_wait_widget (window, ADW_TYPE_ACTION_ROW, title));
  }
  {
    GtkWidget *row = ui_wait_widget (window, ADW_TYPE_ACTION_ROW, _("Website Widget"));

    /* Past the page's transition, scrolled to the row. */
    settle (800);
    gtk_widget_grab_focus (row);
    settle (300);
    shot = g_strdup_printf ("widget-agent-page%s.png", lang);
    screenshot (window, shot);
    /* The page's first read of the agent fails once (not a status the
     * transport retries). */
    {
      GovorunFault fault = { 0 };

      fault.http_status = 404;
      fault.times = 1;
      govorun_emulator_add_fault (GOVORUN_EMULATOR (emulator), "GET /v1/convai/agents/{id}", &fault);
    }
    g_signal_emit_by_name (row, "activated");
  }
  page = ui_wait_toplevel (GOVORUN_TYPE_AGENT_WIDGET_PAGE);
  /* The first read failed: the banner says so and offers to read the
   * agent again. */
  click (ui_wait_widget (page, GTK_TYPE_BUTTON, _("Try _Again")), _("Try _Again"));
  ui_wait_sensitive (ui_wait_widget (page, GTK_TYPE_BUTTON, _("_Copy Code")));
  preview = find_widget (page, GOVORUN_TYPE_WIDGET_PREVIEW, NULL);
  g_assert_nonnull (preview);

  /* The agent's settings as ElevenLabs keeps them; Russian texts for the
   * Russian agent (the sandbox's clinic speaks Russian in both locales). */
  assert_preview_shows (GOVORUN_WIDGET_PREVIEW (preview), "variant=full placement=bottom-right");
  assert_code_has (GOVORUN_AGENT_WIDGET_PAGE (page), el_agent_id);
  assert_preview_shows (GOVORUN_WIDGET_PREVIEW (preview), "start=Позвонить");
  assert_code_has (GOVORUN_AGENT_WIDGET_PAGE (page), "&quot;start_call&quot;:&quot;Позвонить&quot;");
  /* Every control has a name a screen reader can read. */
  {
    g_autoptr(GString) report = g_string_new (NULL);

    collect_unnamed_controls (page, "Website Widget", report);
    if (report->len > 0)
      g_error ("Controls without a name:\n%s", report->str);
  }
  shot = (g_free (shot), g_strdup_printf ("widget-page%s.png", lang));
  screenshot (page, shot);
  pixels = render_preview (preview);

  /* The variant: compact. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (page, ADW_TYPE_COMBO_ROW, _("Variant"))),
                              GOVORUN_WIDGET_VARIANT_COMPACT);
  assert_preview_shows (GOVORUN_WIDGET_PREVIEW (preview), "variant=compact");
  assert_code_has (GOVORUN_AGENT_WIDGET_PAGE (page), "variant=\"compact\"");
  assert_preview_changed (preview, &pixels);

  /* The placement: top left. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (page, ADW_TYPE_COMBO_ROW, _("Placement"))),
                              GOVORUN_WIDGET_PLACEMENT_TOP_LEFT);
  assert_preview_shows (GOVORUN_WIDGET_PREVIEW (preview), "placement=top-left");
  assert_code_has (GOVORUN_AGENT_WIDGET_PAGE (page), "placement=\"top-left\"");
  assert_preview_changed (preview, &pixels);

  /* A colour: the button blue. */
  gdk_rgba_parse (&blue, "#1a73e8");
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (color_button (page, _("Button"))), &blue);
  assert_preview_shows (GOVORUN_WIDGET_PREVIEW (preview), "button=#1a73e8");
  assert_preview_changed (preview, &pixels);

  /* A text, with characters that need escaping in the code. */
  type_into (page, _("Start Call Button"), "Звоните \"нам\" & <сейчас>");
  assert_preview_shows (GOVORUN_WIDGET_PREVIEW (preview), "start=Звоните \"нам\" & <сейчас>");
  assert_code_has (GOVORUN_AGENT_WIDGET_PAGE (page), "Звоните \\&quot;нам\\&quot; &amp; &lt;сейчас&gt;");
  assert_preview_changed (preview, &pixels);

  /* An avatar image instead of the orb (the preview draws a placeholder:
   * no network). */
  type_into (page, _("Avatar Image URL (instead of the orb)"), "https://example.com/a.png?x=1&y=2");
  assert_preview_shows (GOVORUN_WIDGET_PREVIEW (preview), "avatar=image");
  assert_code_has (GOVORUN_AGENT_WIDGET_PAGE (page), "avatar-image-url=\"https://example.com/a.png?x=1&amp;y=2\"");
  assert_preview_changed (preview, &pixels);
  type_into (page, _("Avatar Image URL (instead of the orb)"), "");
  assert_preview_shows (GOVORUN_WIDGET_PREVIEW (preview), "avatar=orb");

  /* The agent's dynamic variable, with a static value. */
  gtk_editable_set_text (GTK_EDITABLE (find_row_titled (page, "client_name")), "Анна & \"Co\"");
  assert_code_has (GOVORUN_AGENT_WIDGET_PAGE (page),
                   "dynamic-variables=\"{&quot;client_name&quot;:&quot;Анна &amp; \\&quot;Co\\&quot;&quot;}\"");

  /* The agent does not allow a language override: the choice is off. */
  g_assert_false (gtk_widget_get_sensitive (find_widget (page, ADW_TYPE_COMBO_ROW, _("Conversation Language"))));

  shot = (g_free (shot), g_strdup_printf ("widget-compact%s.png", lang));
  screenshot (page, shot);

  /* Dark page: the sample website only. */
  click (page, _("_Dark Page"));
  assert_preview_shows (GOVORUN_WIDGET_PREVIEW (preview), "dark=true");
  assert_preview_changed (preview, &pixels);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (page, ADW_TYPE_COMBO_ROW, _("Variant"))),
                              GOVORUN_WIDGET_VARIANT_EXPANDABLE);
  assert_preview_shows (GOVORUN_WIDGET_PREVIEW (preview), "variant=expandable");
  shot = (g_free (shot), g_strdup_printf ("widget-dark%s.png", lang));
  screenshot (page, shot);

  /* Copy Code: the code on the clipboard, as shown. */
  click (page, _("_Copy Code"));
  clipboard = read_clipboard (page);
  code = code_of (GOVORUN_AGENT_WIDGET_PAGE (page));
  g_assert_cmpstr (clipboard, ==, code);
  g_assert_true (g_str_has_prefix (clipboard, "<elevenlabs-convai"));

  /* The website check: the person's site is not on the allowlist. */
  type_into (page, _("Your Website"), MY_SITE);
  expected_title = g_strdup_printf (_("%s cannot use this agent yet."), "www.my-clinic.example");
  g_assert_nonnull (ui_wait_widget (page, ADW_TYPE_ACTION_ROW, expected_title));
  click (page, _("_Add My Site to the Allowlist…"));
  dialog = wait_message_dialog ();
  shot = (g_free (shot), g_strdup_printf ("widget-allowlist%s.png", lang));
  screenshot (GTK_WIDGET (dialog), shot);
  /* As a click on the button does: the response, then the dialog goes. */
  adw_message_dialog_response (dialog, "add");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_wait_closed (ADW_TYPE_MESSAGE_DIALOG);
  g_clear_pointer (&expected_title, g_free);
  expected_title = g_strdup_printf (_("%s can use this agent."), "www.my-clinic.example");
  g_assert_nonnull (ui_wait_widget (page, ADW_TYPE_ACTION_ROW, expected_title));
  {
    g_autofree char *body = govorun_elevenlabs_emulator_dup_last_patch_body (emulator);

    g_assert_cmpstr (body, ==, "{\"platform_settings\":{\"auth\":{\"allowlist\":[{\"hostname\":\"old.example\"},"
                               "{\"hostname\":\"www.my-clinic.example\"}]}}}");
  }

  /* Save Colours to Agent: the confirmation lists the change. */
  ui_wait_sensitive (find_widget (page, GTK_TYPE_BUTTON, _("_Save Colours to Agent…")));
  click (page, _("_Save Colours to Agent…"));
  dialog = wait_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "#000000 → #1a73e8"));
  shot = (g_free (shot), g_strdup_printf ("widget-save-colours%s.png", lang));
  screenshot (GTK_WIDGET (dialog), shot);
  /* As a click on the button does: the response, then the dialog goes. */
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_wait_closed (ADW_TYPE_MESSAGE_DIALOG);
  {
    PatchQuery q = { emulator, "\"btn_color\":\"#1a73e8\"" };
    g_autofree char *body = NULL;

    g_assert_true (wait_until (patch_has, &q, 10000));
    body = govorun_elevenlabs_emulator_dup_last_patch_body (emulator);
    g_assert_cmpstr (body, ==, "{\"platform_settings\":{\"widget\":{\"btn_color\":\"#1a73e8\"}}}");
  }

  /* Narrow (a phone-sized window): the choices fold into a sidebar that a
   * header button shows. */
  gtk_window_set_default_size (GTK_WINDOW (page), 400, 600);
  g_assert_true (wait_until (is_narrow, page, 5000));
  ui_wait_widget (page, GTK_TYPE_TOGGLE_BUTTON, _("Show Choices"));
  settle (300);
  shot = (g_free (shot), g_strdup_printf ("widget-narrow%s.png", lang));
  screenshot (page, shot);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_widget (page, GTK_TYPE_TOGGLE_BUTTON,
                                                                                 _("Show Choices")))));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_widget (page, GTK_TYPE_TOGGLE_BUTTON, _("Show Choices"))),
                                TRUE);
  ui_wait_widget (page, ADW_TYPE_COMBO_ROW, _("Variant"));
  settle (300);
  shot = (g_free (shot), g_strdup_printf ("widget-narrow-choices%s.png", lang));
  screenshot (page, shot);

  gtk_window_destroy (GTK_WINDOW (page));
  ui_wait_closed (GOVORUN_TYPE_AGENT_WIDGET_PAGE);

  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  return ui_app_main (argc, argv, "/Govorun/UI/widget", run_script);
}
