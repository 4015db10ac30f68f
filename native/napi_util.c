/* N-API helpers: argument checking that throws TypeErrors, and errno errors thrown as JS
 * Error objects shaped like Node's own (.code = 'ENOENT', .errno, .syscall). */
#define _GNU_SOURCE
#include "napi_util.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 32))
#define HAVE_STRERRORNAME_NP 1
#endif

static const char *errno_name(int err) {
#ifdef HAVE_STRERRORNAME_NP
  const char *name = strerrorname_np(err);
  if (name) return name;
#else
  switch (err) {
    case EPERM: return "EPERM";
    case ENOENT: return "ENOENT";
    case ESRCH: return "ESRCH";
    case EINTR: return "EINTR";
    case EIO: return "EIO";
    case ENXIO: return "ENXIO";
    case E2BIG: return "E2BIG";
    case ENOEXEC: return "ENOEXEC";
    case EBADF: return "EBADF";
    case ECHILD: return "ECHILD";
    case EAGAIN: return "EAGAIN";
    case ENOMEM: return "ENOMEM";
    case EACCES: return "EACCES";
    case ENOTDIR: return "ENOTDIR";
    case EISDIR: return "EISDIR";
    case EINVAL: return "EINVAL";
    case EMFILE: return "EMFILE";
    case ENOTTY: return "ENOTTY";
    case ETXTBSY: return "ETXTBSY";
    case EPIPE: return "EPIPE";
    case ENAMETOOLONG: return "ENAMETOOLONG";
    case ENOSYS: return "ENOSYS";
    case ELOOP: return "ELOOP";
  }
#endif
  return "EUNKNOWN";
}

static void set_prop(napi_env env, napi_value obj, const char *name, napi_value v) {
  napi_set_named_property(env, obj, name, v);
}

napi_value jcsh_throw_errno(napi_env env, int err, const char *syscall) {
  char message[256];
  snprintf(message, sizeof message, "%s: %s", syscall, strerror(err));
  napi_value code = jcsh_str(env, errno_name(err));
  napi_value error;
  napi_create_error(env, code, jcsh_str(env, message), &error);
  set_prop(env, error, "code", code);
  set_prop(env, error, "errno", jcsh_int(env, err));
  set_prop(env, error, "syscall", jcsh_str(env, syscall));
  napi_throw(env, error);
  return NULL;
}

napi_value jcsh_throw_type(napi_env env, const char *what) {
  char message[256];
  snprintf(message, sizeof message, "invalid argument: %s", what);
  napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", message);
  return NULL;
}

/* Throws RangeError("<what>: <value> is not an integer from INT_MIN to INT_MAX"). */
static void throw_not_int(napi_env env, napi_value v, const char *what) {
  char text[64] = "?", message[256];
  napi_value str;
  size_t len;
  if (napi_coerce_to_string(env, v, &str) == napi_ok)
    napi_get_value_string_utf8(env, str, text, sizeof text, &len);
  snprintf(message, sizeof message, "%s: %s is not an integer from %d to %d", what, text, INT_MIN, INT_MAX);
  napi_throw_range_error(env, "ERR_OUT_OF_RANGE", message);
}

int jcsh_args(napi_env env, napi_callback_info info, size_t want, napi_value *argv) {
  size_t argc = want;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) return 0;
  for (size_t i = argc; i < want; i++) argv[i] = jcsh_undefined(env);
  return 1;
}

/* A JS number is a double: one outside int's range, NaN or a fraction would be undefined
 * behaviour when converted to int, so it is refused before any conversion. */
int jcsh_get_int(napi_env env, napi_value v, const char *what, int *out) {
  napi_valuetype type;
  double d;
  napi_typeof(env, v, &type);
  if (type != napi_number || napi_get_value_double(env, v, &d) != napi_ok) {
    jcsh_throw_type(env, what);
    return 0;
  }
  if (!(d >= INT_MIN && d <= INT_MAX) || d != (double)(long long)d) {
    throw_not_int(env, v, what);
    return 0;
  }
  *out = (int)d;
  return 1;
}

int jcsh_get_bool(napi_env env, napi_value v, const char *what, int *out) {
  bool b;
  if (napi_get_value_bool(env, v, &b) != napi_ok) {
    jcsh_throw_type(env, what);
    return 0;
  }
  *out = b;
  return 1;
}

int jcsh_get_string(napi_env env, napi_value v, const char *what, char **out) {
  size_t len;
  if (napi_get_value_string_utf8(env, v, NULL, 0, &len) != napi_ok) {
    jcsh_throw_type(env, what);
    return 0;
  }
  char *s = malloc(len + 1);
  if (!s) {
    jcsh_throw_errno(env, ENOMEM, "malloc");
    return 0;
  }
  napi_get_value_string_utf8(env, v, s, len + 1, &len);
  if (strlen(s) != len) { /* an embedded NUL would silently cut the string */
    free(s);
    jcsh_throw_type(env, what);
    return 0;
  }
  *out = s;
  return 1;
}

static int array_length(napi_env env, napi_value v, const char *what, uint32_t *len) {
  bool is_array = false;
  napi_is_array(env, v, &is_array);
  if (!is_array) {
    jcsh_throw_type(env, what);
    return 0;
  }
  napi_get_array_length(env, v, len);
  return 1;
}

void jcsh_free_strings(char **list) {
  if (!list) return;
  for (char **p = list; *p; p++) free(*p);
  free(list);
}

int jcsh_get_strings(napi_env env, napi_value v, const char *what, char ***out) {
  uint32_t len;
  if (!array_length(env, v, what, &len)) return 0;
  char **list = calloc(len + 1, sizeof *list);
  if (!list) {
    jcsh_throw_errno(env, ENOMEM, "malloc");
    return 0;
  }
  for (uint32_t i = 0; i < len; i++) {
    napi_value item;
    napi_get_element(env, v, i, &item);
    if (!jcsh_get_string(env, item, what, &list[i])) {
      jcsh_free_strings(list);
      return 0;
    }
  }
  *out = list;
  return 1;
}

int jcsh_get_ints(napi_env env, napi_value v, const char *what, int **out, int *len) {
  uint32_t n;
  if (!array_length(env, v, what, &n)) return 0;
  int *list = calloc(n + 1, sizeof *list);
  if (!list) {
    jcsh_throw_errno(env, ENOMEM, "malloc");
    return 0;
  }
  for (uint32_t i = 0; i < n; i++) {
    napi_value item;
    napi_get_element(env, v, i, &item);
    if (!jcsh_get_int(env, item, what, &list[i])) {
      free(list);
      return 0;
    }
  }
  *out = list;
  *len = (int)n;
  return 1;
}

int jcsh_get_bytes(napi_env env, napi_value v, const char *what, void **data, size_t *len) {
  bool is_typed = false;
  napi_typedarray_type type;
  napi_is_typedarray(env, v, &is_typed);
  if (!is_typed ||
      napi_get_typedarray_info(env, v, &type, len, data, NULL, NULL) != napi_ok ||
      type != napi_uint8_array) {
    jcsh_throw_type(env, what);
    return 0;
  }
  return 1;
}

int jcsh_write_args(napi_env env, napi_callback_info info, int *fd, void **data, size_t *len, struct stat *st) {
  napi_value argv[2];
  if (!jcsh_args(env, info, 2, argv) || !jcsh_get_int(env, argv[0], "fd", fd) ||
      !jcsh_get_bytes(env, argv[1], "bytes", data, len))
    return 0;
  if (fstat(*fd, st) != 0) {
    jcsh_throw_errno(env, errno, "write");
    return 0;
  }
  return 1;
}

napi_value jcsh_prop(napi_env env, napi_value obj, const char *name) {
  napi_value v;
  if (napi_get_named_property(env, obj, name, &v) != napi_ok) return jcsh_undefined(env);
  return v;
}

int jcsh_is_nullish(napi_env env, napi_value v) {
  napi_valuetype type;
  napi_typeof(env, v, &type);
  return type == napi_undefined || type == napi_null;
}

napi_value jcsh_int(napi_env env, int n) {
  napi_value v;
  napi_create_int32(env, n, &v);
  return v;
}

napi_value jcsh_bool(napi_env env, int b) {
  napi_value v;
  napi_get_boolean(env, b, &v);
  return v;
}

napi_value jcsh_str(napi_env env, const char *s) {
  napi_value v;
  napi_create_string_utf8(env, s, NAPI_AUTO_LENGTH, &v);
  return v;
}

napi_value jcsh_undefined(napi_env env) {
  napi_value v;
  napi_get_undefined(env, &v);
  return v;
}

napi_value jcsh_null(napi_env env) {
  napi_value v;
  napi_get_null(env, &v);
  return v;
}

void jcsh_export(napi_env env, napi_value exports, const char *name, napi_callback fn) {
  napi_value f;
  napi_create_function(env, name, NAPI_AUTO_LENGTH, fn, NULL, &f);
  napi_set_named_property(env, exports, name, f);
}

void jcsh_export_value(napi_env env, napi_value exports, const char *name, napi_value v) {
  napi_set_named_property(env, exports, name, v);
}
