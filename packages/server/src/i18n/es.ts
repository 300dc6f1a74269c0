import type { Words } from './en.ts';

/** The server's Spanish words (usted). */
export const es: Words = {
  'date.format': '{weekday} {day} de {month} de {year}, a las {time} UTC',
  'date.weekdays': 'domingo,lunes,martes,miércoles,jueves,viernes,sábado',
  'date.months':
    'enero,febrero,marzo,abril,mayo,junio,julio,agosto,septiembre,octubre,noviembre,diciembre',
  'duration.minute': '1 minuto',
  'duration.minutes': '{count} minutos',
  'duration.hours': '{count} horas',

  'mail.or_open': 'O abra esta dirección:',
  'mail.contact': 'Contacte con Atención al Cliente:',
  'mail.validity':
    'El enlace y el código son válidos durante {duration}, hasta el {until}, y funcionan una sola vez. Si lo pidió más de una vez, solo funciona el correo más reciente.',
  'mail.validity_until':
    'El enlace y el código son válidos hasta el {until} y funcionan una sola vez. Si lo pidió más de una vez, solo funciona el correo más reciente.',

  'reset.subject': 'Solicitud de restablecimiento de contraseña para {product}',
  'reset.title': 'Restablezca su contraseña',
  'reset.intro':
    'Hemos recibido una solicitud para restablecer la contraseña de la cuenta de {product} que usa esta dirección de correo. Haga clic en el enlace para elegir una nueva contraseña.',
  'reset.button': 'Elegir una nueva contraseña',
  'reset.code_lead':
    'Si el enlace no se abre, introduzca en su lugar este código de un solo uso en la página «Contraseña olvidada»:',
  'reset.unasked':
    '¿No lo ha pedido usted? Puede ignorar este correo: su contraseña sigue igual, y el enlace no le sirve a nadie sin acceso a su buzón.',
  'reset.support': '¿No puede usar el enlace ni el código?',

  'activation.subject': 'Solicitud de restablecimiento de contraseña para {product}',
  'activation.title': 'Active su cuenta de {product}',
  'activation.intro':
    'Su cuenta del portal anterior ya está en {product}. Sigue iniciando sesión con esta dirección de correo; para activar la cuenta, haga clic en el enlace y elija una nueva contraseña.',
  'activation.button': 'Activar mi cuenta',
  'activation.code_lead':
    'Si el enlace no se abre, introduzca en su lugar este código de un solo uso en la página «Contraseña olvidada»:',
  'activation.why':
    'La activación confirma que esta dirección de correo sigue siendo suya, para que la información de la cuenta llegue a quien controla tanto la cuenta como el buzón, y le permite elegir una contraseña nueva y segura.',
  'activation.unasked':
    '¿No lo ha pedido usted? Puede ignorar este correo: nada cambia hasta que se elija una nueva contraseña con este enlace o código.',
  'activation.support':
    '¿No puede usar el enlace o ya no tiene acceso a este buzón? Atención al Cliente puede ayudarle a recuperar el acceso, aunque no puede mover cerraduras entre cuentas ni abrir una cuenta cuya titularidad no pueda verificarse.',

  'changed.subject': 'Se ha cambiado la contraseña de {product}',
  'changed.subject_activated': 'Su cuenta de {product} está activa',
  'changed.title': 'Se ha cambiado su contraseña',
  'changed.title_activated': 'Su cuenta está activa',
  'changed.lead':
    'La contraseña de su cuenta de {product} se cambió el {when}. Se ha cerrado la sesión en todos los demás dispositivos: vuelva a iniciar sesión en ellos con su correo electrónico y su nueva contraseña.',
  'changed.lead_activated':
    'Su cuenta de {product} se activó con una nueva contraseña el {when}. Ya puede iniciar sesión con su correo electrónico y su nueva contraseña.',
  'changed.ok': 'Si ha sido usted, no tiene que hacer nada más.',
  'changed.support':
    'Si no ha sido usted, puede que alguien lea su correo: proteja su buzón y después elija una nueva contraseña en la página «Contraseña olvidada».',

  'verify.subject': 'Confirme su dirección de correo para {product}',
  'verify.title': 'Confirme su dirección de correo',
  'verify.intro':
    'Gracias por registrarse en {product}. Confirme que esta dirección de correo es suya para activar su cuenta.',
  'verify.button': 'Confirmar mi dirección de correo',
  'verify.validity':
    'El enlace es válido durante {duration}, hasta el {until}, y funciona una sola vez.',
  'verify.validity_until': 'El enlace es válido hasta el {until} y funciona una sola vez.',
  'verify.unasked': '¿No se ha registrado? Puede ignorar este correo: la cuenta sigue inactiva.',
  'verify.support': '¿No puede usar el enlace?',

  'already.subject': 'Ya tiene una cuenta de {product}',
  'already.title': 'Ya tiene una cuenta',
  'already.intro':
    'Alguien, probablemente usted, intentó registrarse con esta dirección de correo, pero ya pertenece a una cuenta de {product}.',
  'already.sign_in': 'Iniciar sesión',
  'already.reset_lead':
    '¿Ha olvidado su contraseña o nunca activó su cuenta del portal anterior? Elija una nueva contraseña en la página «Contraseña olvidada»:',
  'already.reset_button': 'Restablecer contraseña',
  'already.unasked': 'Si no ha sido usted, puede ignorar este correo: nada ha cambiado.',
  'already.support': '¿Necesita ayuda?',

  'invitation.subject': 'Le han invitado a {product}',
  'invitation.title': 'Su cuenta de {product} está lista',
  'invitation.intro':
    'Se ha creado una cuenta de {product} para esta dirección de correo electrónico, para que pueda usar las cerraduras compartidas con usted. Para empezar, haga clic en el enlace y elija una contraseña.',
  'invitation.button': 'Elegir mi contraseña',
  'invitation.code_lead':
    'Si el enlace no se abre, introduzca en su lugar este código de un solo uso en la página «Contraseña olvidada»:',
  'invitation.unasked':
    '¿No lo esperaba? Puede ignorar este correo: no ocurre nada hasta que se elija una contraseña con este enlace o código.',
  'invitation.support': '¿No puede usar el enlace ni el código?',
  'emailchange.subject': 'Confirme su nueva dirección de correo electrónico para {product}',
  'emailchange.title': 'Confirme su nueva dirección de correo electrónico',
  'emailchange.intro':
    'Ha pedido iniciar sesión en {product} con esta dirección de correo electrónico a partir de ahora. Haga clic en el enlace para confirmar que es suya; hasta entonces, no cambia nada.',
  'emailchange.button': 'Confirmar mi nueva dirección de correo',
  'emailchange.unasked': '¿No lo ha pedido? Puede ignorar este correo: no cambia nada.',
  'emailchange.support': '¿No puede usar el enlace?',
  'emailchanged.subject':
    'Se ha cambiado la dirección de correo electrónico de su cuenta de {product}',
  'emailchanged.title': 'Se ha cambiado su dirección de correo electrónico',
  'emailchanged.lead':
    'Desde el {when}, inicia sesión en su cuenta de {product} con su dirección de correo electrónico {email}. Esta dirección ya no sirve para iniciar sesión.',
  'emailchanged.lead_support':
    'A petición suya, Atención al Cliente ha trasladado su cuenta de {product} a la dirección de correo electrónico {email} el {when}. Se ha enviado un correo de activación a esa dirección; esta dirección ya no sirve para iniciar sesión.',
  'emailchanged.support':
    'Si no ha sido usted, puede que alguien haya entrado en su cuenta: actúe de inmediato.',

  'problem.invalid_credentials.title': 'El correo electrónico o la contraseña no son correctos',
  'problem.invalid_credentials.detail':
    'El correo electrónico y la contraseña no corresponden a ninguna cuenta activa. Una cuenta del portal anterior debe activarse primero.',
  'problem.token_expired.title': 'Este enlace ha caducado',
  'problem.token_expired.detail':
    'Los enlaces solo funcionan durante un tiempo limitado. Pida un correo nuevo.',
  'problem.token_used.title': 'Este enlace ya se ha utilizado',
  'problem.token_used.detail':
    'Cada enlace funciona una sola vez. Inicie sesión o pida un correo nuevo.',
  'problem.token_superseded.title': 'Se ha enviado un enlace más reciente',
  'problem.token_superseded.detail': 'Solo funciona el enlace del correo más reciente.',
  'problem.token_invalid.title': 'Este enlace no es válido',
  'problem.token_invalid.detail': 'Vuelva a abrir el enlace del correo o pida un correo nuevo.',
  'problem.code_invalid.title': 'Este código no es válido',
  'problem.code_invalid.detail':
    'El código es incorrecto, ha caducado o ya no admite más intentos. Use el código del correo más reciente o pida uno nuevo.',
  'problem.weak_password.title': 'La contraseña no cumple la política',
  'problem.weak_password.detail':
    'El miembro «rules» enumera cada requisito e indica si se cumple.',
  'problem.rate_limited.title': 'Demasiadas solicitudes',
  'problem.rate_limited.detail': 'Espere el tiempo indicado en Retry-After y vuelva a intentarlo.',
  'problem.validation_failed.title': 'La solicitud no es válida',
  'problem.validation_failed.detail': 'El miembro «issues» enumera cada campo no válido.',
  'problem.session_invalid.title': 'La sesión no es válida',
  'problem.session_invalid.detail':
    'La sesión ha terminado o se ha revocado. Vuelva a iniciar sesión.',
  'problem.origin_forbidden.title': 'Este origen no está permitido',
  'problem.origin_forbidden.detail':
    'El origen de esta página no está en la lista de orígenes permitidos del servidor.',
  'problem.unsupported_media_type.title': 'Solo se acepta application/json',
  'problem.unsupported_media_type.detail': 'Envíe el cuerpo de la solicitud como application/json.',
  'problem.payload_too_large.title': 'El cuerpo de la solicitud es demasiado grande',
  'problem.payload_too_large.detail': 'Envíe un cuerpo de solicitud más pequeño.',
  'problem.not_found.title': 'No encontrado',
  'problem.not_found.detail': 'No hay nada en esta dirección.',
  'problem.method_not_allowed.title': 'Método no permitido',
  'problem.method_not_allowed.detail': 'Esta dirección no acepta este método.',
  'problem.email_taken.title': 'Esta dirección de correo electrónico pertenece a otra cuenta',
  'problem.email_taken.detail':
    'Otra cuenta inicia sesión ahora con esta dirección de correo electrónico, así que no se ha podido hacer el cambio.',
  'problem.admin_key_invalid.title': 'Se necesita una clave válida de la API de administración',
  'problem.admin_key_invalid.detail':
    'Envíe una clave vigente de la API de administración en la cabecera Authorization (Bearer).',
  'problem.server_error.title': 'Error interno del servidor',
  'problem.server_error.detail':
    'Algo ha fallado en el servidor. Vuelva a intentarlo dentro de unos minutos.',
};
