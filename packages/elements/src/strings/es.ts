import type { FormStringTable } from './en.ts';

/**
 * Spanish strings (usted). Complete: the type requires every id of the English table. The
 * elements load this table by themselves under `lang="es"`; import it only to bundle it eagerly.
 *
 * @example
 * ```ts
 * import { es, registerTranslation } from '@connect-auth/elements';
 * registerTranslation('es', es); // bundled up front instead of loaded on demand
 * ```
 */
export const es: FormStringTable = {
  'common.pending': 'Espere, por favor…',
  'common.retry': 'Intentar de nuevo',
  'field.email': 'Correo electrónico',
  'field.name': 'Nombre (opcional)',
  'field.password': 'Contraseña',
  'field.new_password': 'Nueva contraseña',
  'field.confirm_password': 'Confirme la nueva contraseña',
  'field.code': 'Código del correo',
  'field.code.hint': '8 dígitos, por ejemplo 12345678.',
  'field.email.required': 'Introduzca su correo electrónico.',
  'field.email.invalid': 'Introduzca un correo electrónico con el formato nombre@ejemplo.es.',
  'field.password.required': 'Introduzca una contraseña.',
  'field.confirm.required': 'Vuelva a introducir la nueva contraseña.',
  'field.confirm.mismatch': 'Las dos contraseñas no coinciden.',
  'field.code.required': 'Introduzca el código del correo.',
  'field.code.invalid': 'El código tiene 8 dígitos.',
  'field.name.invalid': 'Introduzca un nombre de 200 caracteres como máximo.',
  'field.invalid': 'Revise este campo.',

  'error.summary_title': 'Hay un problema',
  'error.invalid_credentials':
    'Ese correo electrónico y esa contraseña no corresponden a ninguna cuenta activa. Si tenía una cuenta en el portal anterior, actívela primero.',
  'error.token_expired': 'Este enlace ha caducado.',
  'error.token_used': 'Este enlace ya se ha utilizado.',
  'error.token_superseded':
    'Se ha enviado un correo más reciente, así que este enlace ya no sirve.',
  'error.token_invalid': 'Este enlace no es válido.',
  'error.code_invalid':
    'Ese código no es correcto o ha caducado. Use el código del correo más reciente o pida uno nuevo.',
  'error.weak_password':
    'La contraseña no cumple todos los requisitos. Consulte la lista de abajo.',
  'error.rate_limited': 'Demasiados intentos. Espere un momento y vuelva a intentarlo.',
  'error.rate_limited_wait': 'Demasiados intentos. Podrá intentarlo de nuevo en {seconds} s.',
  'error.validation_failed': 'Algunos datos no son válidos. Revise los campos marcados abajo.',
  'error.session_invalid': 'Su sesión ha terminado. Vuelva a iniciar sesión.',
  'error.origin_forbidden': 'Esta página no tiene permiso para usar el servicio de cuentas.',
  'error.unsupported_media_type': 'El servicio de cuentas no ha podido leer esta solicitud.',
  'error.payload_too_large': 'Lo que ha escrito es demasiado largo para enviarlo.',
  'error.not_found': 'El servicio de cuentas no está disponible en esta dirección.',
  'error.method_not_allowed': 'El servicio de cuentas no acepta esta solicitud.',
  'error.server_error':
    'Algo ha fallado por nuestra parte. Vuelva a intentarlo dentro de unos minutos.',
  'error.network_error':
    'No hemos podido conectar con el servicio de cuentas. Compruebe su conexión y vuelva a intentarlo.',
  'error.timeout': 'El servicio de cuentas ha tardado demasiado en responder. Vuelva a intentarlo.',
  'error.aborted': 'La solicitud se ha cancelado.',
  'error.invalid_response':
    'El servicio de cuentas ha enviado una respuesta que no podemos leer. Vuelva a intentarlo más tarde.',
  'error.missing_client': 'Este formulario aún no está conectado a ningún servicio de cuentas.',
  'error.unknown': 'Algo ha fallado. Vuelva a intentarlo.',

  'password.show': 'Mostrar contraseña',
  'password.required_rules': 'Requisitos',
  'password.recommended_rules': 'Recomendado',
  'password.rule_met': 'cumplido',
  'password.rule_unmet': 'todavía no',
  'password.announce_met': 'Cumplido: {rule}',
  'password.announce_unmet': 'No cumplido: {rule}',
  'password.strength': 'Seguridad: {level}',
  'password.strength.0': 'muy débil',
  'password.strength.1': 'débil',
  'password.strength.2': 'aceptable',
  'password.strength.3': 'buena',
  'password.strength.4': 'fuerte',
  'rule.min_length': 'Al menos {min} caracteres',
  'rule.max_length': 'No más de {max} caracteres',
  'rule.uppercase': 'Una letra mayúscula (A–Z)',
  'rule.lowercase': 'Una letra minúscula (a–z)',
  'rule.digit': 'Un número (0–9)',
  'rule.special': 'Un carácter especial, por ejemplo {chars}',
  'rule.not_common': 'No es una contraseña de uso común',
  'rule.not_context': 'No contiene su correo electrónico ni su nombre',
  'rule.unknown': 'Otro requisito del servidor ({id})',

  'support.heading': '¿No tiene acceso a su correo electrónico?',
  'support.body':
    'Nuestro equipo de Atención al Cliente intentará ayudarle a recuperar el acceso a su cuenta. Solo puede abrir una cuenta a quien pueda demostrar que es suya, y no puede transferir cerraduras de una cuenta a otra.',
  'support.link': 'Contactar con Atención al Cliente',

  'lost.heading': 'Contraseña olvidada',
  'lost.intro':
    'Introduzca el correo electrónico con el que inicia sesión y seleccione «Restablecer contraseña». Le enviaremos un enlace para elegir una nueva contraseña. Si tenía una cuenta en el portal anterior, así es también como la activa.',
  'lost.submit': 'Restablecer contraseña',
  'lost.sent_heading': 'Revise su correo',
  'lost.sent_body':
    'Si existe una cuenta para {email}, le hemos enviado un correo «Solicitud de restablecimiento de contraseña». Abra el enlace que contiene para elegir una nueva contraseña; el mismo enlace activa las cuentas del portal anterior.',
  'lost.sent_hint':
    'El correo puede tardar unos minutos en llegar. Mire también en la carpeta de correo no deseado.',
  'lost.resend': 'Enviar el correo otra vez',
  'lost.resend_wait': 'Podrá pedir otro correo dentro de {seconds} s.',
  'lost.resent': 'Si existe una cuenta para {email}, le hemos enviado otro correo.',
  'lost.use_code': 'Introducir el código del correo',
  'lost.other_email': 'Usar otro correo electrónico',
  'lost.code_heading': 'Introducir el código del correo',
  'lost.code_intro':
    'El correo también incluye un código de 8 dígitos. Introdúzcalo aquí junto con su nueva contraseña si el enlace no funciona en este dispositivo.',
  'lost.code_submit': 'Guardar',
  'lost.back': 'Atrás',
  'lost.done_heading': 'Su nueva contraseña se ha guardado',
  'lost.done_heading_activation': 'Su cuenta está activa',
  'lost.done_body': 'Inicie sesión con su correo electrónico, {email}, y su nueva contraseña.',

  'reset.verifying': 'Comprobando el enlace…',
  'reset.heading_activation': 'Active su cuenta',
  'reset.heading_reset': 'Elija una nueva contraseña',
  'reset.for_account': 'Para la cuenta {email}',
  'reset.intro_activation':
    'Elija y confirme una nueva contraseña y seleccione «Guardar». Al guardarla, su cuenta queda activada.',
  'reset.intro_reset':
    'Elija y confirme una nueva contraseña y seleccione «Guardar». Sustituye a la anterior y cierra la sesión en sus otros dispositivos.',
  'reset.submit': 'Guardar',
  'reset.expired_heading': 'Este enlace ha caducado',
  'reset.expired_body':
    'Para proteger su cuenta, los enlaces solo funcionan durante un tiempo limitado. Pida uno nuevo abajo.',
  'reset.used_heading': 'Este enlace ya se ha utilizado',
  'reset.used_body':
    'Cada enlace funciona una sola vez. Si ya ha elegido una contraseña, inicie sesión con ella. Si no, pida un enlace nuevo.',
  'reset.superseded_heading': 'Se ha enviado un correo más reciente',
  'reset.superseded_body':
    'Después de este pidió otro correo, así que solo funciona el enlace del correo más reciente. Use ese o pida un enlace nuevo.',
  'reset.invalid_heading': 'Este enlace no es válido',
  'reset.invalid_body':
    'Algunos programas de correo cortan los enlaces largos. Vuelva a abrir el enlace del correo o pida uno nuevo.',
  'reset.missing_body':
    'Esta página necesita el enlace de su correo. Vuelva a abrir el enlace o pida uno nuevo.',
  'reset.request_new': 'Pedir un enlace nuevo',
  'reset.done_heading_activation': 'Su cuenta está activa',
  'reset.done_body_activation':
    'Le damos la bienvenida al nuevo portal. Inicie sesión con su correo electrónico, {email}, y su nueva contraseña.',
  'reset.done_heading_reset': 'Su contraseña se ha cambiado',
  'reset.done_body_reset':
    'Inicie sesión con su correo electrónico, {email}, y su nueva contraseña. Se ha cerrado la sesión en sus otros dispositivos.',
  'reset.sign_in': 'Iniciar sesión',

  'signin.heading': 'Iniciar sesión',
  'signin.submit': 'Iniciar sesión',
  'signin.forgot': '¿Ha olvidado su contraseña?',
  'signin.activate_prompt': '¿Tenía una cuenta en el portal anterior?',
  'signin.activate': 'Active su cuenta',
  'signin.back': 'Volver a iniciar sesión',
  'signin.done_heading': 'Ha iniciado sesión',
  'signin.done_body': 'Sesión iniciada como {email}.',

  'register.heading': 'Registrar una cuenta nueva',
  'register.intro':
    '¿Es nuevo en NetCode o nunca ha tenido una cuenta en el portal de Codelocks? Registre aquí una cuenta nueva. Si tenía una cuenta en el portal anterior, actívela en su lugar.',
  'register.submit': 'Registrarse',
  'register.sent_heading': 'Revise su correo',
  'register.sent_body':
    'Hemos enviado un correo a {email}. Siga el enlace que contiene para terminar. Si esa dirección ya tiene una cuenta, el correo le explica cómo iniciar sesión.',
  'register.have_account': '¿Ya tiene una cuenta?',
  'register.sign_in': 'Iniciar sesión',
};

export default es;
