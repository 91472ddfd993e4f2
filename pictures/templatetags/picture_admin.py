from django import template

register = template.Library()


@register.simple_tag
def picture_admin_thumbnail(picture, width=240):
    from pictures.admin import picture_thumbnail

    return picture_thumbnail(picture, width=width)
