/* test-ui-numbers.c
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the Numbers page and the buy-number dialog the way a person would,
 * against the sandbox's Voximplant emulator and a private keyring (run
 * through run-ui.sh): sees the owned numbers and the balance, walks the buy
 * flow (a region without stock cannot be chosen; Russia → Geographic →
 * Moscow, a mask search, one number), reads the prices and the balance on
 * the confirmation, meets an insufficient-funds refusal, buys, sees the
 * number and the lower balance, then deactivates it after confirming.
 * Screenshots land in the build directory (tests/screenshots/).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "govorun-buy-number-dialog.h"
#include "govorun-format.h"
#include "govorun-numbers-page.h"
#include "govorun-ui-resources.h"
#include "sandbox-services.h"
#include "ui-helpers.h"

#define SEEDED_NUMBER "74957770011"

static gboolean russian;

/* -- helpers: wait, find, look (as in test-ui.c) -- */

static guint
count_mapped (GtkWidget *root,
              GType      type)
{
  guint n = gtk_widget_get_mapped (root) && G_TYPE_CHECK_INSTANCE_TYPE (root, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_mapped (child, type);

  return n;
}

/* Screenshots of the Russian run get a -ru suffix. */
static void
numbers_screenshot (GtkWidget  *window,
                    const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s%s.png", name, russian ? "-ru" : "");

  screenshot (window, file);
}

/* -- predicates -- */

typedef struct
{
  GtkWidget  *root;
  GType       type;
  const char *text;
} Query;

static gboolean
widget_shown (gpointer data)
{
  Query *q = data;

  return find_widget (q->root, q->type, q->text) != NULL;
}

static gboolean
widget_gone (gpointer data)
{
  return !widget_shown (data);
}

static gboolean
widget_sensitive (gpointer data)
{
  return gtk_widget_is_sensitive (GTK_WIDGET (data));
}

/* No spinner shows: the page's refresh is over. */
static gboolean
page_idle (gpointer data)
{
  return find_widget (GTK_WIDGET (data), GTK_TYPE_SPINNER, NULL) == NULL;
}

static gboolean
buy_dialog_open (gpointer data)
{
  return toplevel_of_type (GOVORUN_TYPE_BUY_NUMBER_DIALOG) != NULL;
}

static gboolean
buy_dialog_closed (gpointer data)
{
  return !buy_dialog_open (data);
}

static gboolean
message_dialog_open (gpointer data)
{
  return toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
group_description_has (gpointer data)
{
  Query *q = data;
  GtkWidget *group;
  const char *description;

  /* The numbers group: the one with the Refresh button. */
  group = gtk_widget_get_ancestor (find_widget (q->root, GTK_TYPE_BUTTON, _("Refresh")),
                                   ADW_TYPE_PREFERENCES_GROUP);
  if (group == NULL)
    return FALSE;

  description = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group));
  return description != NULL && strstr (description, q->text) != NULL;
}

static gboolean
error_revealed (gpointer data)
{
  GtkWidget *label = data;
  GtkWidget *revealer = gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER);

  return gtk_revealer_get_child_revealed (GTK_REVEALER (revealer)) &&
         *gtk_label_get_text (GTK_LABEL (label)) != '\0';
}

static gboolean
number_rows_are (gpointer data)
{
  Query *q = data;
  GtkWidget *list = q->root;

  return count_mapped (list, ADW_TYPE_ACTION_ROW) == GPOINTER_TO_UINT (q->text);
}

/* -- fixture: the services the application would hand to the page -- */

typedef struct
{
  SandboxServices       base;
  GovorunSandbox       *sandbox;    /* the rest are borrowed from base */
  GovorunAccountStore  *accounts;
  GovorunAgentStore    *agents;
  GovorunAccount       *account;
  GAsyncResult         *result;
} Services;

static void
on_result (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Services *s = user_data;

  g_assert_null (s->result);
  s->result = g_object_ref (result);
}

static GAsyncResult *
wait_result (Services *s)
{
  while (s->result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return s->result;
}

static void
services_init (Services *s)
{
  g_autoptr(GovorunAccount) draft = govorun_account_new (GOVORUN_ACCOUNT_KIND_VOXIMPLANT);

  sandbox_services_start (&s->base);
  s->sandbox = s->base.sandbox;
  s->accounts = govorun_services_get_accounts (s->base.services);
  s->agents = govorun_services_get_agents (s->base.services);
  govorun_voximplant_emulator_seed_phone_inventory (govorun_sandbox_get_voximplant (s->sandbox));

  govorun_account_set_display_name (draft, "Demo clinic telephony");
  govorun_account_set_vox_auth (draft, GOVORUN_VOXIMPLANT_AUTH_API_KEY);
  govorun_account_set_vox_account_id (draft, "7654321");
  s->account = sandbox_services_add_account (&s->base, draft, GOVORUN_SANDBOX_VOX_API_KEY);
  g_assert_nonnull (s->account);
}

/* Saves an agent that expects @phone_id, as the agent wizard would. */
static void
save_agent (Services   *s,
            const char *name,
            gint64      phone_id,
            const char *number)
{
  g_autoptr(GovorunAgent) agent = govorun_agent_new ();
  g_autoptr(GovorunAgent) saved = NULL;
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func ((GDestroyNotify) govorun_agent_number_free);
  g_autoptr(GError) error = NULL;

  govorun_agent_set_name (agent, name);
  govorun_agent_set_vox_account_uuid (agent, govorun_account_get_uuid (s->account));
  g_ptr_array_add (numbers, govorun_agent_number_new (phone_id, number));
  govorun_agent_set_numbers (agent, numbers);
  govorun_agent_store_save_async (s->agents, agent, NULL, on_result, s);
  saved = govorun_agent_store_save_finish (s->agents, wait_result (s), &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);
  g_clear_object (&s->result);
}

static void
services_clear (Services *s)
{
  g_clear_object (&s->account);
  s->agents = NULL;
  s->accounts = NULL;
  s->sandbox = NULL;
  sandbox_services_stop (&s->base);
}

/* -- the test -- */

static void
select_in_combo (GtkWidget  *root,
                 const char *row_title,
                 const char *item)
{
  Query q = { root, ADW_TYPE_COMBO_ROW, row_title };
  GtkWidget *row;
  GListModel *model;
  guint n;

  g_assert_true (wait_until (widget_shown, &q, 5000));
  row = find_widget (root, ADW_TYPE_COMBO_ROW, row_title);
  g_assert_true (wait_until (widget_sensitive, row, 10000));
  model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkStringObject) string = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (string), item) == 0)
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
          settle (50);
          return;
        }
    }

  g_error ("“%s” has no item “%s”", row_title, item);
}

static GtkWidget *
wait_row (GtkWidget  *root,
          const char *title)
{
  Query q = { root, ADW_TYPE_ACTION_ROW, title };

  if (!wait_until (widget_shown, &q, 15000))
    g_error ("No row “%s”", title);

  return find_widget (root, ADW_TYPE_ACTION_ROW, title);
}

static char *
money (double amount)
{
  return govorun_format_money (amount, "RUB");
}

/* The label showing @text has the number @digits in the no-break form, and
 * Pango finds no place to break a line inside it. */
static void
assert_number_unbreakable (GtkWidget  *root,
                           const char *text,
                           const char *digits)
{
  g_autofree char *number = govorun_format_phone_number_in_text (digits);
  g_autofree char *plain = govorun_format_phone_number (digits);
  GtkWidget *label = find_widget (root, GTK_TYPE_LABEL, text);
  const char *start = strstr (text, number);
  const PangoLogAttr *attrs;
  glong first, last;
  int n_attrs;

  g_assert_nonnull (label);
  g_assert_nonnull (start);
  g_assert_null (strstr (text, plain));
  attrs = pango_layout_get_log_attrs_readonly (gtk_label_get_layout (GTK_LABEL (label)), &n_attrs);
  first = g_utf8_pointer_to_offset (text, start);
  last = first + g_utf8_strlen (number, -1);
  g_assert_cmpint (n_attrs, >, last);
  for (glong i = first + 1; i < last; i++)
    g_assert_false (attrs[i].is_line_break);
  /* Before and after it a line may break as usual. */
  g_assert_true (first == 0 || attrs[first].is_line_break);
}

static void
test_numbers_page (void)
{
  Services s = { 0 };
  GovorunVoximplantEmulator *vox;
  GtkWidget *window;
  GtkWidget *page;
  GtkWidget *dialog;
  GtkWidget *row;
  GtkWidget *next;
  GtkWidget *error_label;
  GtkWidget *region_list;
  Query q = { 0 };
  gint64 seeded_id;
  g_autofree char *seeded = govorun_format_phone_number (SEEDED_NUMBER);
  g_autofree char *bought = govorun_format_phone_number ("74951230005");
  g_autofree char *balance = money (1234.50);
  g_autofree char *after = money (1227.50);

  services_init (&s);
  vox = govorun_sandbox_get_voximplant (s.sandbox);
  seeded_id = govorun_voximplant_emulator_add_owned_number (vox, GOVORUN_SANDBOX_VOX_ACCOUNT_ID,
                                                            SEEDED_NUMBER, "RU", "GEOGRAPHIC", "Moscow");
  g_assert_cmpint (seeded_id, >, 0);
  g_assert_cmpstr (seeded, ==, "+7 495 777-00-11");

  /* The Russian run really is in Russian. */
  if (russian)
    g_assert_cmpstr (_("Phone Numbers"), !=, "Phone Numbers");

  window = adw_application_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 720);
  page = govorun_numbers_page_new ();
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  govorun_page_set_services (GOVORUN_PAGE (page), s.base.services);

  /* The owned number, what it costs, and the balance. */
  g_assert_true (wait_until (page_idle, page, 10000));
  row = wait_row (page, seeded);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), _("Not bound")));
  /* Places by name, in the UI's language, as the Buy dialog names them. */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            russian ? "Россия · Географический · Москва" : "Russia · Geographic · Moscow"));
  q.root = page;
  q.text = balance;
  g_assert_true (wait_until (group_description_has, &q, 10000));
  {
    g_autofree char *price = money (5.0);

    /* Rows are rebuilt when the balance brings the currency. */
    row = wait_row (page, seeded);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), price));
  }

  /* An agent that expects the number (which Voximplant has unbound) is
   * named on the row. */
  save_agent (&s, "Reception", seeded_id, SEEDED_NUMBER);
  row = wait_row (page, seeded);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Reception"));
  numbers_screenshot (window, "numbers-page");

  /* Buy a Number (the window's header "+", the page's one Buy button)
   * opens the dialog. */
  govorun_numbers_page_buy (GOVORUN_NUMBERS_PAGE (page));
  g_assert_true (wait_until (buy_dialog_open, NULL, 5000));
  dialog = GTK_WIDGET (toplevel_of_type (GOVORUN_TYPE_BUY_NUMBER_DIALOG));
  next = find_widget (dialog, GTK_TYPE_BUTTON, _("_Next"));
  g_assert_nonnull (next);
  /* The first step has Cancel and no Back. */
  g_assert_nonnull (find_widget (dialog, GTK_TYPE_BUTTON, _("_Cancel")));
  g_assert_null (find_widget (dialog, GTK_TYPE_BUTTON, _("Back")));

  /* A region without stock is shown but cannot be chosen (US, New York). */
  select_in_combo (dialog, _("Country"), russian ? "США" : "United States");
  select_in_combo (dialog, _("Number Type"), russian ? "Географический" : "Geographic");
  select_in_combo (dialog, _("State"), russian ? "Нью-Йорк" : "New York");
  g_assert_true (wait_until (widget_sensitive, next, 10000));
  click (dialog, _("_Next"));
  row = wait_row (dialog, russian ? "Буффало" : "Buffalo");
  g_assert_false (gtk_widget_is_sensitive (row));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), _("Out of stock")));
  g_assert_true (gtk_widget_is_sensitive (wait_row (dialog, russian ? "Нью-Йорк" : "New York")));
  numbers_screenshot (dialog, "buy-number-regions");
  /* Later steps have Back, not Back and Cancel together (the window's
   * close button still cancels). */
  g_assert_null (find_widget (dialog, GTK_TYPE_BUTTON, _("_Cancel")));
  g_assert_true (adw_header_bar_get_show_end_title_buttons (ADW_HEADER_BAR (find_widget (dialog, ADW_TYPE_HEADER_BAR, NULL))));
  click (dialog, _("Back"));
  g_assert_true (wait_until (widget_shown, &(Query) { dialog, GTK_TYPE_BUTTON, _("_Cancel") }, 2000));

  /* Russia → Geographic → Moscow. */
  select_in_combo (dialog, _("Country"), russian ? "Россия" : "Russia");
  select_in_combo (dialog, _("Number Type"), russian ? "Географический" : "Geographic");
  /* Russia's numbers have no states. */
  g_assert_null (find_widget (dialog, ADW_TYPE_COMBO_ROW, _("State")));
  g_assert_true (wait_until (widget_sensitive, next, 10000));
  click (dialog, _("_Next"));
  row = wait_row (dialog, russian ? "Москва" : "Moscow");
  region_list = gtk_widget_get_ancestor (row, GTK_TYPE_LIST_BOX);
  g_assert_true (gtk_widget_is_sensitive (row));
  gtk_widget_activate (row);

  /* Available numbers, a page at a time, and the mask search. */
  wait_row (dialog, "+7 495 123-00-01");
  {
    GtkWidget *list = gtk_widget_get_ancestor (find_widget (dialog, ADW_TYPE_ACTION_ROW,
                                                            "+7 495 123-00-01"),
                                               GTK_TYPE_LIST_BOX);
    GtkWidget *search = find_widget (dialog, GTK_TYPE_SEARCH_ENTRY, NULL);

    g_assert_true (list != region_list);
    q.root = list;
    q.text = GUINT_TO_POINTER (10);
    g_assert_true (wait_until (number_rows_are, &q, 5000));
    click (dialog, _("Load _More"));
    q.text = GUINT_TO_POINTER (12);
    g_assert_true (wait_until (number_rows_are, &q, 10000));

    g_assert_nonnull (search);
    /* Digits no free number has: the list says so, not a bare line. */
    gtk_editable_set_text (GTK_EDITABLE (search), "99999");
    q.root = list;
    q.type = GTK_TYPE_LABEL;
    q.text = _("No Matching Numbers");
    g_assert_true (wait_until (widget_shown, &q, 10000));
    numbers_screenshot (dialog, "buy-number-no-match");
    gtk_editable_set_text (GTK_EDITABLE (search), "*0005");
    q.text = GUINT_TO_POINTER (1);
    g_assert_true (wait_until (number_rows_are, &q, 10000));
  }
  row = wait_row (dialog, bought);
  gtk_widget_activate (row);
  g_assert_true (wait_until (widget_sensitive, next, 5000));
  numbers_screenshot (dialog, "buy-number-numbers");
  click (dialog, _("_Next"));

  /* The confirmation: prices, the balance and the balance after. */
  {
    g_autofree char *monthly = money (5.0);
    g_autofree char *installation = money (2.0);
    g_autofree char *total = money (7.0);

    wait_row (dialog, _("Balance After"));
    error_label = find_with_css (dialog, "error-banner-text");
    g_assert_nonnull (error_label);
    g_assert_nonnull (find_widget (wait_row (dialog, _("Monthly Fee")), GTK_TYPE_LABEL, monthly));
    g_assert_nonnull (find_widget (wait_row (dialog, _("Installation")), GTK_TYPE_LABEL, installation));
    g_assert_nonnull (find_widget (wait_row (dialog, _("Due Now")), GTK_TYPE_LABEL, total));
    q.root = dialog;
    q.type = GTK_TYPE_LABEL;
    q.text = after;
    g_assert_true (wait_until (widget_shown, &q, 10000));
    g_assert_nonnull (find_widget (wait_row (dialog, _("Balance")), GTK_TYPE_LABEL, balance));
    g_assert_nonnull (find_widget (dialog, ADW_TYPE_ACTION_ROW, bought));
  }
  numbers_screenshot (dialog, "buy-number-confirm");

  /* Not enough money: the dialog says so, with Voximplant's code, and stays. */
  govorun_emulator_add_fault (GOVORUN_EMULATOR (vox), "AttachPhoneNumber",
                              &(GovorunFault) { .provider_code = 127, .times = 1 });
  next = find_widget (dialog, GTK_TYPE_BUTTON, _("_Buy"));
  g_assert_nonnull (next);
  g_assert_true (wait_until (widget_sensitive, next, 10000));
  click (dialog, _("_Buy"));
  g_assert_true (wait_until (error_revealed, error_label, 10000));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "127"));
  if (!russian)
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "not enough money"));
  else
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "недостаточно средств"));
  /* The amounts read as everywhere else ("1 234,50 ₽"), never "RUB". */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), balance));
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "RUB"));
  g_assert_true (buy_dialog_open (NULL));
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (vox, GOVORUN_SANDBOX_VOX_ACCOUNT_ID, "number"), ==, 1);
  numbers_screenshot (dialog, "buy-number-no-money");

  /* Buy: the dialog closes, the page lists the number and the lower balance. */
  g_assert_true (wait_until (widget_sensitive, next, 10000));
  click (dialog, _("_Buy"));
  g_assert_true (wait_until (buy_dialog_closed, NULL, 10000));
  row = wait_row (page, bought);
  q.root = page;
  q.type = 0;
  q.text = after;
  g_assert_true (wait_until (group_description_has, &q, 10000));
  g_assert_nonnull (wait_row (page, seeded));
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (vox, GOVORUN_SANDBOX_VOX_ACCOUNT_ID, "number"), ==, 2);
  numbers_screenshot (window, "numbers-page-bought");

  /* A failing list says why and offers Retry. */
  {
    GtkWidget *error;

    govorun_emulator_add_fault (GOVORUN_EMULATOR (vox), "GetPhoneNumbers",
                                &(GovorunFault) { .http_status = 500, .times = -1 });
    click (page, _("Refresh"));
    q.root = page;
    q.type = GTK_TYPE_BUTTON;
    q.text = _("_Retry");
    g_assert_true (wait_until (widget_shown, &q, 10000));
    error = find_with_css (page, "numbers-error");
    g_assert_nonnull (error);
    g_assert_true (gtk_widget_get_mapped (error));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error)), !=, "");
    numbers_screenshot (window, "numbers-page-error");
    govorun_emulator_clear_faults (GOVORUN_EMULATOR (vox));
    click (page, _("_Retry"));
    wait_row (page, seeded);
    wait_row (page, bought);
  }

  /* Saint Petersburg: the stock runs out while buying (back to the
   * regions), then a purchase that needs documents warns about them. */
  {
    g_autofree char *spb = govorun_format_phone_number ("78121230001");
    const char *spb_region = russian ? "Санкт-Петербург" : "Saint Petersburg";
    GtkWidget *warning;

    govorun_numbers_page_buy (GOVORUN_NUMBERS_PAGE (page));
    g_assert_true (wait_until (buy_dialog_open, NULL, 5000));
    dialog = GTK_WIDGET (toplevel_of_type (GOVORUN_TYPE_BUY_NUMBER_DIALOG));
    error_label = find_with_css (dialog, "error-banner-text");
    next = find_widget (dialog, GTK_TYPE_BUTTON, _("_Next"));
    select_in_combo (dialog, _("Country"), russian ? "Россия" : "Russia");
    select_in_combo (dialog, _("Number Type"), russian ? "Географический" : "Geographic");
    g_assert_true (wait_until (widget_sensitive, next, 10000));
    click (dialog, _("_Next"));
    g_assert_true (wait_until (page_idle, dialog, 10000));
    gtk_widget_activate (wait_row (dialog, spb_region));
    settle (400);
    g_assert_true (wait_until (page_idle, dialog, 10000));
    gtk_widget_activate (wait_row (dialog, spb));
    g_assert_true (wait_until (widget_sensitive, next, 5000));
    click (dialog, _("_Next"));
    wait_row (dialog, _("Balance After"));
    warning = find_widget (dialog, GTK_TYPE_LABEL,
                           _("Numbers in this region need documents: they work only after your "
                             "documents are verified in the Voximplant control panel (Numbers → Verification)."));
    g_assert_nonnull (warning);

    govorun_emulator_add_fault (GOVORUN_EMULATOR (vox), "AttachPhoneNumber",
                                &(GovorunFault) { .provider_code = 331, .times = 1 });
    next = find_widget (dialog, GTK_TYPE_BUTTON, _("_Buy"));
    g_assert_true (wait_until (widget_sensitive, next, 10000));
    click (dialog, _("_Buy"));
    g_assert_true (wait_until (error_revealed, error_label, 10000));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "331"));
    /* Back on the regions, reloaded, to choose again. */
    settle (400);
    g_assert_true (wait_until (page_idle, dialog, 10000));
    gtk_widget_activate (wait_row (dialog, spb_region));
    settle (400);
    g_assert_true (wait_until (page_idle, dialog, 10000));
    gtk_widget_activate (wait_row (dialog, spb));
    next = find_widget (dialog, GTK_TYPE_BUTTON, _("_Next"));
    g_assert_true (wait_until (widget_sensitive, next, 5000));
    click (dialog, _("_Next"));
    /* A button's "clicked" comes after its press animation. */
    q.root = dialog;
    q.type = GTK_TYPE_BUTTON;
    q.text = _("_Buy");
    g_assert_true (wait_until (widget_shown, &q, 5000));
    next = find_widget (dialog, GTK_TYPE_BUTTON, _("_Buy"));
    g_assert_true (wait_until (widget_sensitive, next, 10000));
    click (dialog, _("_Buy"));

    /* Bought, with the documents warning instead of closing. */
    q.root = dialog;
    q.type = GTK_TYPE_BUTTON;
    q.text = _("_Done");
    g_assert_true (wait_until (widget_shown, &q, 10000));
    g_assert_nonnull (find_widget (dialog, ADW_TYPE_STATUS_PAGE, NULL));
    numbers_screenshot (dialog, "buy-number-documents");
    click (dialog, _("_Done"));
    g_assert_true (wait_until (buy_dialog_closed, NULL, 10000));
    wait_row (page, spb);
    g_assert_cmpuint (govorun_voximplant_emulator_count_objects (vox, GOVORUN_SANDBOX_VOX_ACCOUNT_ID, "number"), ==, 3);
  }

  /* Deactivate the bought number, after confirming. */
  g_assert_true (wait_until (page_idle, page, 10000));
  row = wait_row (page, bought);
  {
    GtkWidget *menu = find_widget (row, GTK_TYPE_MENU_BUTTON, _("Number Actions"));
    GtkWidget *confirm;

    g_assert_nonnull (menu);
    gtk_menu_button_popup (GTK_MENU_BUTTON (menu));
    settle (100);
    click (menu, _("_Deactivate…"));
    g_assert_true (wait_until (message_dialog_open, NULL, 5000));
    confirm = GTK_WIDGET (toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG));
    numbers_screenshot (confirm, "numbers-deactivate");
    assert_number_unbreakable (confirm, adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (confirm)),
                               "74951230005");
    click (confirm, _("_Deactivate"));
  }
  q.root = page;
  q.type = ADW_TYPE_ACTION_ROW;
  q.text = bought;
  g_assert_true (wait_until (widget_gone, &q, 10000));
  g_assert_nonnull (find_widget (page, ADW_TYPE_ACTION_ROW, seeded));
  g_assert_cmpuint (govorun_voximplant_emulator_count_objects (vox, GOVORUN_SANDBOX_VOX_ACCOUNT_ID, "number"), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  settle (100);
  services_clear (&s);
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Closed at once, while its first requests (the balance, the countries)
 * still wait for a slow provider: the dialog goes at once, and the late
 * answers, which arrive after its parent window is gone too, touch
 * nothing (a crash or a critical fails the test). */
static void
test_buy_dialog_closed_at_once (void)
{
  Services s = { 0 };
  GovorunEmulator *vox;
  const GovorunFault slow = { .delay_ms = 2500, .times = -1 };
  GtkWidget *window;
  GtkWidget *page;
  GtkWidget *dialog;
  gpointer gone = NULL;

  services_init (&s);
  vox = GOVORUN_EMULATOR (govorun_sandbox_get_voximplant (s.sandbox));

  window = adw_application_window_new (NULL);
  page = govorun_numbers_page_new ();
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  govorun_page_set_services (GOVORUN_PAGE (page), s.base.services);
  g_assert_true (wait_until (page_idle, page, 10000));

  govorun_emulator_add_fault (vox, "GetAccountInfo", &slow);
  govorun_emulator_add_fault (vox, "GetPhoneNumberCategories", &slow);
  govorun_numbers_page_buy (GOVORUN_NUMBERS_PAGE (page));
  g_assert_true (wait_until (buy_dialog_open, NULL, 5000));
  dialog = GTK_WIDGET (toplevel_of_type (GOVORUN_TYPE_BUY_NUMBER_DIALOG));
  gone = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &gone);
  click (dialog, _("_Cancel"));
  /* Gone long before the answers: nothing holds it for them. */
  g_assert_true (wait_until (pointer_cleared, &gone, 1000));

  gtk_window_destroy (GTK_WINDOW (window));
  settle (3500); /* the late answers arrive */

  govorun_emulator_clear_faults (vox);
  services_clear (&s);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("GOVORUN_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  russian = g_getenv ("GOVORUN_TEST_LOCALE") != NULL &&
            g_str_has_prefix (g_getenv ("GOVORUN_TEST_LOCALE"), "ru");

  /* No G_TEST_OPTION_ISOLATE_DIRS: it empties XDG_DATA_DIRS, and with it the
   * icon theme. run-ui.sh already gives a throwaway HOME. */
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  /* The page's templates: the static library's resource object is only
   * linked in when something refers to it. */
  (void) govorun_ui_get_resource ();

  g_test_add_func ("/Govorun/UI/numbers", test_numbers_page);
  g_test_add_func ("/Govorun/UI/numbers/buy-closed-at-once", test_buy_dialog_closed_at_once);

  return g_test_run ();
}
